/**
 * A tiny path switch: one lazy chunk per screen, so a display screen never loads the MC console.
 * Screens are whole pages opened by URL on a device, so no client-side navigation is needed.
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';

const routes: Record<string, LazyExoticComponent<ComponentType>> = {
  '/': lazy(() => import('./screens/home/home-screen')),
  '/mc': lazy(() => import('./screens/mc/mc-screen')),
  '/edit': lazy(() => import('./screens/edit/edit-screen')),
  '/av': lazy(() => import('./screens/av/av-screen')),
  '/speaker': lazy(() => import('./screens/speaker/speaker-screen')),
  '/stage': lazy(() => import('./screens/stage/stage-screen')),
  '/broadcast': lazy(() => import('./screens/broadcast/broadcast-screen')),
  '/agenda': lazy(() => import('./screens/agenda/agenda-screen')),
  '/report': lazy(() => import('./screens/report/report-screen')),
  '/ready': lazy(() => import('./screens/ready/ready-screen')),
};

export function routeFor(pathname: string): LazyExoticComponent<ComponentType> | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return routes[path];
}

export function Router() {
  const Screen = routeFor(window.location.pathname);
  if (!Screen) {
    return (
      <main className="not-found">
        <h1>404</h1>
        <p>
          <a href="/">Baton</a>
        </p>
      </main>
    );
  }
  return (
    <Suspense fallback={null}>
      <Screen />
    </Suspense>
  );
}
