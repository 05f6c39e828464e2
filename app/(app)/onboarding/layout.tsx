import type { ReactNode } from 'react';
import { Checklist } from './checklist';
import { getOnboarding } from './context';

export default async function OnboardingLayout({ children }: { children: ReactNode }) {
  const { steps } = await getOnboarding();
  return (
    <div className="grid-2">
      <div>{children}</div>
      <Checklist steps={steps} />
    </div>
  );
}
