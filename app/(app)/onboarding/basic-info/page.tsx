import Link from 'next/link';
import type { Metadata } from 'next';
import { COUNTRIES } from '@/lib/geo/countries';
import { TIME_ZONES } from '@/lib/geo/time-zones';
import { enterStep } from '../context';
import { ContinueToNext, StepRail } from '../step-rail';
import { BasicInfoForm } from './basic-info-form';

export const metadata: Metadata = { title: 'Basic info' };

export default async function BasicInfoPage() {
  const { ctx, viewer } = await enterStep('basic-info');
  const p = ctx.profile;
  return (
    <>
      <StepRail current="basic-info" />
      <h1>Basic info</h1>
      <p>So clients and payments know who you are. You can change this later.</p>
      <p>
        Your account email is <strong>{viewer.user.email}</strong>, the address your invitation went
        to. <Link href="/settings/account">Use another email address</Link> (we confirm it with a
        link first).
      </p>
      <BasicInfoForm
        timeZones={TIME_ZONES}
        countries={COUNTRIES}
        defaults={{
          firstName: p?.firstName ?? '',
          lastName: p?.lastName ?? '',
          country: p?.country ?? '',
          timeZone: p?.timeZone ?? '',
          phone: p?.phone ?? '',
        }}
      />
      <ContinueToNext current="basic-info" />
    </>
  );
}
