package care.securebase.sessions.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links a client opens without an account: {@code <nonce>.<sig>}, both base64url without padding.
 * The nonce is 16 random bytes; the signature is HMAC-SHA256(secret, purpose + ":" + nonce) cut to 16
 * bytes, so a guessed or altered link is refused before any database read. Only SHA-256 of the nonce
 * is stored: a copy of the database cannot be turned back into working links.
 */
public final class LinkTokens {

    public static final String CHECK_IN = "check-in";
    public static final String APPOINTMENT = "appointment";
    public static final int MAX_LENGTH = 64;

    private static final int NONCE_BYTES = 16;
    private static final int SIG_BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,43}\\.[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random;

    public LinkTokens(String secret) {
        this(secret, new SecureRandom());
    }

    LinkTokens(String secret, SecureRandom random) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("securebase.links.secret must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.random = random;
    }

    /** A new link for {@code purpose}: the token to hand out and the hash to store. */
    public record Minted(String token, String hash) {
    }

    public Minted mint(String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String encoded = B64.encodeToString(nonce);
        return new Minted(encoded + "." + B64.encodeToString(sign(purpose, encoded)), hash(nonce));
    }

    /**
     * The stored hash a well-formed, correctly signed token for {@code purpose} stands for; empty for
     * anything else (wrong shape, altered nonce or signature, another purpose, another secret).
     */
    public Optional<String> verify(String purpose, String token) {
        if (token == null || token.length() > MAX_LENGTH || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String encoded = token.substring(0, dot);
        byte[] nonce;
        byte[] sig;
        try {
            nonce = UNB64.decode(encoded);
            sig = UNB64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Re-encoding must give the same text: base64 has spare bits, and two spellings of one nonce
        // would be two links.
        if (nonce.length < NONCE_BYTES || !B64.encodeToString(nonce).equals(encoded)
                || !B64.encodeToString(sig).equals(token.substring(dot + 1))) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(sign(purpose, encoded), sig) ? Optional.of(hash(nonce)) : Optional.empty();
    }

    /** A stored link can be used until it expires or is used; then it is gone for good. */
    public static boolean usable(Instant expiresAt, Instant usedAt, Instant now) {
        return usedAt == null && expiresAt != null && now.isBefore(expiresAt);
    }

    private byte[] sign(String purpose, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal((purpose + ":" + nonce).getBytes(StandardCharsets.UTF_8)), SIG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String hash(byte[] nonce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
