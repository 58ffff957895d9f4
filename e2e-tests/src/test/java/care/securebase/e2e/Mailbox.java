package care.securebase.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
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
}
