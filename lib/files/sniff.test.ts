import fc from 'fast-check';
import { checkUpload, detectFileType, toSafeFileName, type FileType } from './sniff';

const MB = 1024 * 1024;
const bytesOf = (...parts: (number[] | string)[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)),
  );

const PNG = bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const JPEG = bytesOf([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0');
const PDF = bytesOf('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj');
const EXE = bytesOf('MZ', [0x90, 0x00, 0x03, 0x00], 'This program cannot be run in DOS mode');
const SVG = bytesOf('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const XML_SVG = bytesOf('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>');
const HTML = bytesOf('<!doctype html><script>alert(1)</script>');

describe('detectFileType', () => {
  it.each([
    ['PNG', PNG, 'png'],
    ['JPEG', JPEG, 'jpeg'],
    ['PDF', PDF, 'pdf'],
    ['a Windows program', EXE, null],
    ['an SVG', SVG, null],
    ['an SVG with an XML prolog', XML_SVG, null],
    ['HTML', HTML, null],
    ['nothing', new Uint8Array(), null],
  ])('reads %s as %s', async (_label, bytes, type) => {
    expect(await detectFileType(bytes)).toBe(type);
  });

  // file-type's PDF signature is "%PDF" itself, so the prefix tried is "%PD".
  it('needs the whole signature, not a prefix of it', async () => {
    expect(await detectFileType(PNG.slice(0, 7))).toBeNull();
    expect(await detectFileType(bytesOf([0xff, 0xd8]))).toBeNull();
    expect(await detectFileType(bytesOf('%PD'))).toBeNull();
    expect(await detectFileType(bytesOf(' %PDF-1.7'))).toBeNull();
  });

  it('reads an animated PNG as a PNG and a PDF saved by Illustrator as a PDF', async () => {
    const chunk = (type: string, length: number) =>
      bytesOf([0, 0, 0, length], type, new Array<number>(length + 4).fill(0));
    const animated = Buffer.concat([PNG.slice(0, 8), chunk('IHDR', 13), chunk('acTL', 8)]);
    expect(await detectFileType(animated)).toBe('png');
    const illustrator = bytesOf('%PDF-1.5\n', ' '.repeat(1400), '<</AIPrivateData1 1 0 R>>');
    expect(await detectFileType(illustrator)).toBe('pdf');
  });

  // JPEG-LS shares JPEG's first three bytes, and no browser shows it.
  it('tells JPEG-LS from a JPEG', async () => {
    expect(await detectFileType(bytesOf([0xff, 0xd8, 0xff, 0xf7, 0x00, 0x0b]))).toBeNull();
  });

  it('accepts a Node Buffer, which is a Uint8Array', async () => {
    expect(await detectFileType(Buffer.from(PNG))).toBe('png');
  });
});

describe('checkUpload', () => {
  const photo = { allowed: ['png', 'jpeg'] as FileType[], maxBytes: 5 * MB };

  it('accepts content of an allowed type and reports its real type and MIME', async () => {
    expect(await checkUpload({ ...photo, bytes: JPEG, fileName: 'me.jpg' })).toEqual({
      ok: true,
      type: 'jpeg',
      mime: 'image/jpeg',
      safeName: 'me.jpg',
    });
    expect(
      await checkUpload({
        bytes: PDF,
        fileName: 'C:\\Users\\ana\\Tax Form.PDF',
        allowed: ['pdf'],
        maxBytes: 10 * MB,
      }),
    ).toEqual({
      ok: true,
      type: 'pdf',
      mime: 'application/pdf',
      safeName: 'Tax Form.PDF',
    });
  });

  it('refuses an empty file', async () => {
    expect(await checkUpload({ ...photo, bytes: new Uint8Array(), fileName: 'me.png' })).toEqual({
      ok: false,
      message: 'This file is empty; choose the file again.',
    });
  });

  it('refuses a file over the limit and says the limit in MB', async () => {
    const big = new Uint8Array(5 * MB + 1);
    big.set(PNG);
    expect(await checkUpload({ ...photo, bytes: big, fileName: 'me.png' })).toEqual({
      ok: false,
      message: 'This file is 5.1 MB; the limit is 5 MB. Choose a smaller file.',
    });
    const exact = new Uint8Array(5 * MB);
    exact.set(PNG);
    expect((await checkUpload({ ...photo, bytes: exact, fileName: 'me.png' })).ok).toBe(true);
  });

  it.each([
    ['a program renamed .png', EXE, 'photo.png'],
    ['an SVG named .png', SVG, 'photo.png'],
    ['an SVG with an XML prolog', XML_SVG, 'logo.jpg'],
    ['a PDF where only images are allowed', PDF, 'photo.png'],
  ])('refuses %s by its content', async (_label, bytes, fileName) => {
    expect(await checkUpload({ ...photo, bytes, fileName })).toEqual({
      ok: false,
      message:
        "This file isn't a PNG or JPEG file. We check what the file contains, not its name; save or export it as PNG or JPEG and try again.",
    });
  });

  it('lists every allowed type in the refusal', async () => {
    const result = await checkUpload({
      bytes: EXE,
      fileName: 'a.pdf',
      allowed: ['pdf', 'png', 'jpeg'],
      maxBytes: MB,
    });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("isn't a PDF, PNG or JPEG file"),
    });
  });

  it('gives a name whose extension matches the content', async () => {
    expect(await checkUpload({ ...photo, bytes: PNG, fileName: 'photo.jpg' })).toMatchObject({
      safeName: 'photo.jpg.png',
    });
    expect(await checkUpload({ ...photo, bytes: JPEG, fileName: 'photo.JPEG' })).toMatchObject({
      safeName: 'photo.JPEG',
    });
    expect(await checkUpload({ ...photo, bytes: JPEG, fileName: 'photo' })).toMatchObject({
      safeName: 'photo.jpg',
    });
  });
});

describe('toSafeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\evil.png', 'evil.png'],
    ['..', 'file'],
    ['../', 'file'],
    ['foo/..', 'file'],
    ['.htaccess', 'htaccess'],
    ['', 'file'],
    ['  ', 'file'],
    ['日本語.png', 'png'],
    ['Résumé final.pdf', 'Resume final.pdf'],
    ['inv\u0000oice\r\n\t.pdf', 'invoice.pdf'],
    ['a<b>c:"d"|e?*.png', 'abcde.png'],
    ['my photo (1).png', 'my photo 1.png'],
  ])('turns %j into %j', (input, output) => {
    expect(toSafeFileName(input)).toBe(output);
  });

  it('keeps at most 100 characters, extension included', () => {
    const name = toSafeFileName(`${'a'.repeat(150)}.png`, 'png');
    expect(name).toHaveLength(100);
    expect(name.endsWith('.png')).toBe(true);
    expect(toSafeFileName('b'.repeat(150))).toHaveLength(100);
  });

  it('never lets a path, a control character, a leading dot or an empty name through', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom<FileType | undefined>(undefined, 'png', 'pdf'),
        (input, type) => {
          const name = toSafeFileName(input, type);
          expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._ -]*$/);
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(100);
          expect(name).not.toContain('/');
          expect(name).not.toContain('\\');
          expect(name).not.toBe('..');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('strips path traversal however it is hidden', () => {
    for (const input of ['....//....//x', '..%2F..%2Fx', '/..\\../x', '.../...//x']) {
      const name = toSafeFileName(input);
      expect(name).not.toMatch(/^\.|\/|\\/);
    }
  });
});
