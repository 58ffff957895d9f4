package care.securebase.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What GreenMail received for one address, read over its REST API. */
final class Mailbox {

    private Mailbox() {
    }

    /** Each message as GreenMail reports it: subject, mimeMessage (the raw message), ... */
    static List<Map<String, Object>> messagesFor(String address) {
        var response = given().get(Stack.MAIL_API + "/api/user/" + address + "/messages/");
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of();
        }
        JsonPath json = response.then().statusCode(200).extract().jsonPath();
        return json.getList("$");
    }

    /** The raw message with its quoted-printable parts decoded (soft line breaks would cut a link in two). */
    static String decoded(Map<String, Object> message) {
        String joined = String.valueOf(message.get("mimeMessage")).replace("=\r\n", "").replace("=\n", "");
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
