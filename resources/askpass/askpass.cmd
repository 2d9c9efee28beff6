@echo off
rem Git's askpass trampoline on Windows: runs askpass.mjs with the Node inside Masthead.
set ELECTRON_RUN_AS_NODE=1
"%MASTHEAD_ASKPASS_NODE%" "%MASTHEAD_ASKPASS_SCRIPT%" %*
