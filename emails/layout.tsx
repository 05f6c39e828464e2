import type { ReactNode } from 'react';
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';

const styles = {
  body: { backgroundColor: '#f4f4f5', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0 },
  container: {
    backgroundColor: '#ffffff',
    margin: '24px auto',
    padding: '24px',
    maxWidth: '560px',
  },
  brand: { fontSize: '18px', fontWeight: 700, color: '#1e3a8a', margin: '0 0 16px' },
  footer: { fontSize: '12px', color: '#52525b' },
} as const;

export const emailStyles = {
  button: {
    backgroundColor: '#1e3a8a',
    color: '#ffffff',
    padding: '12px 20px',
    borderRadius: '6px',
    fontWeight: 700,
    textDecoration: 'none',
  },
  muted: { color: '#52525b', fontSize: '14px' },
} as const;

export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Workbridge</Text>
          {children}
          <Hr />
          <Section>
            <Text style={styles.footer}>
              Workbridge brings clients and the freelancers they already know onto one platform. You
              received this email because of an action on workbridge; we never ask for your password
              or bank details by email.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
