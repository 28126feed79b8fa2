import { Suspense, lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { Loading } from './components/Loading.tsx';
import { Layout } from './layout/Layout.tsx';
import { LoginPage } from './pages/account/LoginPage.tsx';
import { RegisterPage } from './pages/account/RegisterPage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganisationPage } from './pages/org/OrganisationPage.tsx';

// The trade page brings ECharts and its own world map; load it only when visited.
const TradePage = lazy(() => import('./pages/trade/TradePage.tsx'));
const LogisticsPage = lazy(() => import('./pages/logistics/LogisticsPage.tsx'));
const TrainsPage = lazy(() => import('./pages/trains/TrainsPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="organisation" element={<OrganisationPage />} />
            <Route
              path="trade"
              element={
                <Suspense fallback={<Loading />}>
                  <TradePage />
                </Suspense>
              }
            />
            <Route
              path="logistics"
              element={
                <Suspense fallback={<Loading />}>
                  <LogisticsPage />
                </Suspense>
              }
            />
            <Route
              path="trains"
              element={
                <Suspense fallback={<Loading />}>
                  <TrainsPage />
                </Suspense>
              }
            />
            <Route path="login" element={<LoginPage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
