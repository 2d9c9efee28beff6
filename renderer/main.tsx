/** The renderer's entry: global styles, then the React app wired to the real back end. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import { invoke } from './api';
import { App } from './app/App';
import { createAppService } from './app/app-service';
import { AppServiceProvider } from './app/AppServiceContext';
import { CredentialsDialog } from './app/CredentialsDialog';

const root = document.getElementById('root');
if (!root) throw new Error('Masthead: the page has no #root element.');
// The one place the real back end is handed in: everything below asks it through this service
// and the workspace controller it builds (eslint.config.js keeps `invoke` out of other modules).
const service = createAppService(invoke);
createRoot(root).render(
  <StrictMode>
    <AppServiceProvider value={service}>
      <App />
      {/* Git may ask for a sign-in on any screen (a background fetch, a publish). */}
      <CredentialsDialog />
    </AppServiceProvider>
  </StrictMode>,
);
