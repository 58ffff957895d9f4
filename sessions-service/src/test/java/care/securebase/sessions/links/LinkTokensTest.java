package care.securebase.sessions.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    static final String SECRET = "unit-test-links-secret-0123456789abcdef";
    final LinkTokens tokens = new LinkTokens(SECRET);

    @Test
    void aMintedLinkVerifiesToTheHashThatIsStoredAndNothingElse() {
        LinkTokens.Minted m = tokens.mint(LinkTokens.CHECK_IN);
        assertEquals(m.hash(), tokens.verify(LinkTokens.CHECK_IN, m.token()).orElseThrow());
        assertTrue(m.hash().matches("[0-9a-f]{64}"), "SHA-256 as hex");
        String nonce = m.token().substring(0, m.token().indexOf('.'));
        assertEquals(LinkTokens.hash(Base64.getUrlDecoder().decode(nonce)), m.hash(), "the hash of the nonce");
        assertFalse(m.token().contains(m.hash()));
    }

    @Test
    void linksAreShortUrlSafeAndCarryAtLeast128RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = tokens.mint(LinkTokens.APPOINTMENT).token();
            assertTrue(t.length() <= LinkTokens.MAX_LENGTH && t.matches("[A-Za-z0-9_.-]+"), t);
            assertTrue(Base64.getUrlDecoder().decode(t.substring(0, t.indexOf('.'))).length >= 16);
            assertTrue(seen.add(t), "never the same link twice");
        }
    }

    @Test
    void anAlteredNonceOrSignatureIsRefused() {
        String t = tokens.mint(LinkTokens.CHECK_IN).token();
        int dot = t.indexOf('.');
        for (int i = 0; i < t.length(); i++) {
            if (i == dot) {
                continue;
            }
            char c = t.charAt(i);
            String altered = t.substring(0, i) + (c == 'A' ? 'B' : 'A') + t.substring(i + 1);
            assertTrue(tokens.verify(LinkTokens.CHECK_IN, altered).isEmpty(), "altered at " + i + ": " + altered);
        }
    }

    @Test
    void aLinkForAnotherPurposeOrSignedWithAnotherSecretIsRefused() {
        String t = tokens.mint(LinkTokens.CHECK_IN).token();
        assertTrue(tokens.verify(LinkTokens.APPOINTMENT, t).isEmpty());
        assertTrue(new LinkTokens("another-secret-of-enough-length-0123456789").verify(LinkTokens.CHECK_IN, t).isEmpty());
    }

    @Test
    void malformedLinksAreRefusedWithoutError() {
        String t = tokens.mint(LinkTokens.CHECK_IN).token();
        for (String bad : new String[] {null, "", ".", t.replace(".", ""), t + ".", t + "A", "A" + t,
                t.replace('.', '-'), t.substring(0, t.indexOf('.')) + ".", "x".repeat(200), t + "%00", t + "/..",
                "é" + t.substring(1)}) {
            assertTrue(tokens.verify(LinkTokens.CHECK_IN, bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void aWeakSecretIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new LinkTokens("short"));
        assertThrows(IllegalArgumentException.class, () -> new LinkTokens(null));
    }

    @Test
    void aStoredLinkWorksUntilItExpiresAndOnlyOnce() {
        Instant now = Instant.parse("2030-01-01T12:00:00Z");
        assertTrue(LinkTokens.usable(now.plus(Duration.ofHours(72)), null, now));
        assertTrue(LinkTokens.usable(now.plusSeconds(1), null, now));
        assertFalse(LinkTokens.usable(now, null, now), "expired at its expiry time");
        assertFalse(LinkTokens.usable(now.minusSeconds(1), null, now));
        assertFalse(LinkTokens.usable(now.plus(Duration.ofHours(1)), now.minusSeconds(5), now), "used once");
        assertFalse(LinkTokens.usable(null, null, now));
    }

    @Test
    void twoMintsDifferAndNeitherVerifiesAsTheOther() {
        LinkTokens.Minted a = tokens.mint(LinkTokens.CHECK_IN);
        LinkTokens.Minted b = tokens.mint(LinkTokens.CHECK_IN);
        assertNotEquals(a.hash(), b.hash());
        String swapped = a.token().substring(0, a.token().indexOf('.')) + b.token().substring(b.token().indexOf('.'));
        assertTrue(tokens.verify(LinkTokens.CHECK_IN, swapped).isEmpty());
    }
}
