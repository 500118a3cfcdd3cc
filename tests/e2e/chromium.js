// How the browser suite and the benchmark start Chromium: Debian's /usr/bin/chromium, never a
// downloaded browser. As root it needs --no-sandbox; the other flags stop the background
// connections that this machine's closed network would refuse.
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
