import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { setUnauthenticatedHandler } from './api/client.ts';
import { keys } from './api/queries.ts';
import { setupI18n } from './i18n/index.ts';
import './styles.css';

setupI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, retry: 1 },
  },
});
// A session that expired mid-shift sends the agent to the login page, not into a wall of errors.
setUnauthenticatedHandler(() => queryClient.setQueryData(keys.me, null));

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
