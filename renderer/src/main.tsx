import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/charts/styles.css';
import 'mantine-datatable/styles.css';
import './app/tables.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Badge, MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { ModalsProvider } from '@mantine/modals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { LocalizedDates } from './app/DateField';
import { PrintPreviewHost } from './app/print/PrintPreview';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: '"Liberation Sans", "Segoe UI", Arial, sans-serif',
  defaultRadius: 'sm',
  // Kazakh and Russian words read badly in capitals
  components: { Badge: Badge.extend({ defaultProps: { tt: 'none' } }) },
});

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <LocalizedDates>
          <ModalsProvider>
            {/* bottom left, two at a time: never over the header, the lock button, the first rows or a dialog's Save
                and Cancel at its bottom right */}
            <Notifications position="bottom-left" limit={2} />
            <App />
            <PrintPreviewHost />
          </ModalsProvider>
        </LocalizedDates>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
