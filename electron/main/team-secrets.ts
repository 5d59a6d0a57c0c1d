/**
 * The team server's password, sealed by the operating system's keychain through Electron's
 * safeStorage (DPAPI on Windows, the Keychain on macOS, libsecret or KWallet on Linux). Linux
 * without a keyring falls back to a key written in Chromium's source ("basic_text"): that is not
 * encryption, so then no password is kept and the user is told to use PGPASSWORD or ~/.pgpass.
 */
import { safeStorage } from 'electron';
import type { SecretBox } from '../team/credentials.ts';

export const safeStorageSecrets: SecretBox = {
  unavailable() {
    if (!safeStorage.isEncryptionAvailable()) return 'the operating system offers no encrypted storage';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
      return 'no keyring (GNOME Keyring or KWallet) is running, so the password would be kept with a known key';
    return null;
  },
  seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
  open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
};
