/** The renderer's entry: global styles, then the React app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import { App } from './app/App';
import { CredentialsDialog } from './app/CredentialsDialog';

const root = document.getElementById('root');
if (!root) throw new Error('Masthead: the page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
    {/* Git may ask for a sign-in on any screen (a background fetch, a publish). */}
    <CredentialsDialog />
  </StrictMode>,
);
