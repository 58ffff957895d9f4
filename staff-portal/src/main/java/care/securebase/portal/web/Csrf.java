package care.securebase.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of the current request, for the hidden field every form carries:
 * {@code <input type="hidden" name="{inject:csrf.parameterName}" value="{inject:csrf.token}">}.
 *
 * <p>Double-submit cookie: a random token lives in an HttpOnly, SameSite=Strict cookie and must come
 * back in the form; another site can make a browser send the cookie but cannot read it to fill the
 * field. {@link CsrfFilter} checks it on every unsafe request. (quarkus-rest-csrf does the same, but
 * is missing from the Maven Central this build reaches for Quarkus 3.34.1; the names here match it,
 * so switching to it later is a dependency and nothing more.)
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String COOKIE = "csrf-token";
    public static final String FIELD = "csrf-token";
    static final String TOKEN_KEY = "securebase.csrf.token";
    static final String NEW_TOKEN_KEY = "securebase.csrf.new";
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoutingContext routing;

    public Csrf(RoutingContext routing) {
        this.routing = routing;
    }

    public String parameterName() {
        return FIELD;
    }

    /**
     * The token of this request: the cookie's, or the new one {@link CsrfFilter} minted for the
     * response to set (pages render after the response filters ran, so minting here would be too late).
     */
    public String token() {
        String token = routing.get(TOKEN_KEY);
        if (token == null) {
            token = tokenOf(routing);
        }
        return token == null ? "" : token;
    }

    static String tokenOf(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie != null && wellFormed(cookie.getValue()) ? cookie.getValue() : null;
    }

    static boolean wellFormed(String token) {
        try {
            return token != null && Base64.getUrlDecoder().decode(token).length == TOKEN_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean matches(String cookieToken, String formToken) {
        return cookieToken != null && formToken != null && MessageDigest.isEqual(
                cookieToken.getBytes(StandardCharsets.US_ASCII), formToken.getBytes(StandardCharsets.US_ASCII));
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Cookie cookie(String token, boolean secure) {
        return Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT);
    }
}
