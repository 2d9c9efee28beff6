/** Hands the app service (renderer/app/app-service.ts) to the components that talk to the back end before a repository is open. */
import { createContext, useContext, type ReactNode } from 'react';
import type { AppService } from './app-service';

const AppServiceContext = createContext<AppService | null>(null);

/** Provides the app service to the tree below. */
export function AppServiceProvider({ value, children }: { value: AppService; children: ReactNode }) {
  return <AppServiceContext.Provider value={value}>{children}</AppServiceContext.Provider>;
}

/** The app service; throws outside <AppServiceProvider> (a wiring mistake, not a state to show). */
export function useAppService(): AppService {
  const value = useContext(AppServiceContext);
  if (!value)
    throw new Error('Masthead: a component that needs the back end was rendered outside <AppServiceProvider>.');
  return value;
}
