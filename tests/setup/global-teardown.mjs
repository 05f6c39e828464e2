import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  const { dropTemplate } = await tsImport('../helpers/template.ts', import.meta.url);
  await dropTemplate(process.env.TEST_DATABASE_URL);
}
