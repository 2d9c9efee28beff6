#!/bin/sh
# Git's askpass trampoline on macOS and Linux: runs askpass.mjs with the Node inside Masthead
# (Electron as Node, or the Node running web mode). Git passes its prompt as the argument.
[ -n "$MASTHEAD_ASKPASS_NODE" ] && [ -n "$MASTHEAD_ASKPASS_SCRIPT" ] || exit 1
ELECTRON_RUN_AS_NODE=1 exec "$MASTHEAD_ASKPASS_NODE" "$MASTHEAD_ASKPASS_SCRIPT" "$@"
