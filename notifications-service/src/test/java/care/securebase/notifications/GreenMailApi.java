package care.securebase.notifications;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads what arrived at the local GreenMail (started by ./clinic) through its REST API:
 * {@code GET /api/user/{email}/messages/} answers the mailbox as JSON (subject, contentType,
 * mimeMessage), or 400 while no mail has reached that address.
 */
public final class GreenMailApi {

    public record Received(String subject, String mime) {

        /** The raw message with quoted-printable undone, so assertions see the text as written. */
        public String decoded() {
            return decodeQuotedPrintable(mime);
        }

        /** The decoded parts without the message's headers, MIME boundaries and part headers. */
        public String body() {
            String decoded = decoded();
            int start = decoded.indexOf("\r\n\r\n");
            String afterHeaders = start < 0 ? decoded : decoded.substring(start + 4);
            return afterHeaders.lines()
                    .filter(line -> !line.startsWith("--") && !line.startsWith("Content-") && !line.startsWith("MIME-"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }

    private GreenMailApi() {
    }

    public static String baseUrl() {
        String url = System.getenv("CLINIC_MAIL_API_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String port = System.getenv("CLINIC_MAIL_API_PORT");
        return "http://localhost:" + (port == null || port.isBlank() ? "8025" : port);
    }

    public static List<Received> messagesFor(String email) {
        Response response = given().baseUri(baseUrl()).urlEncodingEnabled(false)
                .get("/api/user/" + email + "/messages/");
        if (response.statusCode() == 400) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GreenMail answered " + response.statusCode() + " (is ./clinic infra up?)");
        }
        List<Map<String, Object>> messages = response.jsonPath().getList("$");
        return messages.stream()
                .map(m -> new Received((String) m.get("subject"), (String) m.get("mimeMessage")))
                .toList();
    }

    static String decodeQuotedPrintable(String text) {
        String joined = text.replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = joined.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '=' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F');
    }
}
