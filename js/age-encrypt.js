// The village tablet's encryption of a bundle for the commune office, loaded only at export
// time (index.html imports it on first use; the service worker precaches it for offline
// use). It is the age format's reference implementation (npm "age-encryption", typage),
// bundled into this one file by scripts/bundle_js.sh: nothing here but calling it.
import { Encrypter, armor } from "age-encryption";
import { forceWebCryptoOff } from "../node_modules/age-encryption/dist/x25519.js";

// On plain http (an office LAN server) the browser offers no crypto.subtle, and typage's
// fallback test does not catch that case: use its pure-JavaScript X25519 (noble-curves)
// everywhere, the same code in every context. Randomness is crypto.getRandomValues.
forceWebCryptoOff(true);

/** The text encrypted for one X25519 recipient ("age1…"), in age's ASCII armour. */
export async function seal(recipient, text) {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return armor.encode(await e.encrypt(text));
}
