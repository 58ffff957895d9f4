package care.securebase.notifications.mail;

import io.smallrye.config.ConfigMapping;

/**
 * Where the client's pages behind a link live: the portal's public URL, to which {@code /c/<token>}
 * (a check-in) and {@code /a/<token>} (confirm or ask to cancel a session) are added.
 */
@ConfigMapping(prefix = "securebase.links")
public interface LinksConfig {

    String baseUrl();

    default String checkIn(String token) {
        return base(baseUrl()) + "/c/" + token;
    }

    default String appointment(String token) {
        return base(baseUrl()) + "/a/" + token;
    }

    static String base(String baseUrl) {
        String url = baseUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
