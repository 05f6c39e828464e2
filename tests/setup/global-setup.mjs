// Jest loads global setup outside its transform in ESM mode; tsx compiles our TypeScript.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { buildTemplate } = await tsImport('../helpers/template.ts', import.meta.url);
  await buildTemplate(process.env.TEST_DATABASE_URL);
}
