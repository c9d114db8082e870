export default function globalSetup(): void {
  if (process.env.PLANT === 'global-setup') throw new Error('planted: global setup threw');
}
