package care.securebase.notifications.optout;

import care.securebase.notifications.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signed opt-out links: {@code base64url("v1|clientId|channel|issuedAtEpochSeconds") "." base64url(HMAC-SHA256)}
 * with the secret {@code securebase.opt-out.secret} ({@code SECUREBASE_OPT_OUT_SECRET}), which is never
 * logged. A link does not expire (opting out late is still opting out); one issued in the future is refused.
 */
@ApplicationScoped
public class OptOutTokens {

    private static final Logger LOG = Logger.getLogger(OptOutTokens.class);
    static final String DEV_SECRET = "dev-only-opt-out-secret-change-me";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record Claims(UUID clientId, ContactChannel channel, Instant issuedAt) {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final String baseUrl;

    public OptOutTokens(@ConfigProperty(name = "securebase.opt-out.secret") String secret,
                        @ConfigProperty(name = "securebase.public-url") String publicUrl, Clock clock) {
        if (secret.length() < 16) {
            throw new IllegalStateException("securebase.opt-out.secret must be at least 16 characters");
        }
        if (DEV_SECRET.equals(secret) && io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.NORMAL) {
            LOG.warn("securebase.opt-out.secret is the development default; set SECUREBASE_OPT_OUT_SECRET");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        this.baseUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String issue(UUID clientId, ContactChannel channel) {
        String payload = "v1|" + clientId + "|" + channel.name() + "|" + clock.instant().getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** The link a message carries; it opens a page with one button (no login). */
    public String link(UUID clientId, ContactChannel channel) {
        return baseUrl + "/opt-out?token=" + issue(clientId, channel);
    }

    /** Empty for anything not issued by us with this secret: malformed, tampered, or from the future. */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4 || !"v1".equals(parts[0])) {
                return Optional.empty();
            }
            ContactChannel channel = ContactChannel.valueOf(parts[2]);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (channel == ContactChannel.NONE || issued.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[1]), channel, issued));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
