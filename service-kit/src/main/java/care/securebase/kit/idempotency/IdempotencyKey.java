package care.securebase.kit.idempotency;

import care.securebase.kit.problem.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} request header (IETF draft httpapi-idempotency-key-header): what a key
 * may look like, and the fingerprint that tells a retry of a request from a different request sent
 * with the same key.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** Response header on an answer repeated for a retry instead of applying the request again. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyKey() {
    }

    /** The key as given, or null without one; a malformed key is a 400 naming the header. */
    public static String checked(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidFieldException(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    /** SHA-256 (hex) of the request's parts; nulls count as empty. */
    public static String fingerprint(String... parts) {
        String request = String.join("\0", Arrays.stream(parts).map(p -> p == null ? "" : p).toList());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
