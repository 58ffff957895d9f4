package care.securebase.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstrumentResourceTest {

    @Test
    void staffOfTheClinicListTheInstruments() {
        given().auth().oauth2(Tokens.of("ingrid")).get("/instruments")
                .then().statusCode(200)
                .body("code", hasItems("PHQ-9", "GAD-7", "ECR-R", "ACE", "PCL-5", "C-SSRS-SCREEN"))
                .body("find { it.code == 'PHQ-9' }.version", equalTo(1))
                .body("find { it.code == 'PHQ-9' }.latest", equalTo(true))
                .body("find { it.code == 'PHQ-9' }.licence.itemTextReproducible", equalTo(true))
                .body("find { it.code == 'ECR-R' }.licence.itemTextReproducible", equalTo(false));
    }

    @Test
    void oneInstrumentWithItemsScalesBandsAndRiskRules() {
        given().auth().oauth2(Tokens.of("clara")).get("/instruments/PHQ-9")
                .then().statusCode(200)
                .body("loincPanel", equalTo("44249-1"))
                .body("items", hasSize(10))
                .body("items[8].loinc", equalTo("44260-8"))
                .body("items[8].options", hasSize(4))
                .body("items[8].options[3].label", equalTo("Nearly every day"))
                .body("scales[0].bands.label", hasItems("minimal", "mild", "moderate", "moderately severe", "severe"))
                .body("riskRules.source", hasItems("PHQ9_ITEM9"));
        // Codes are matched case-insensitively; text stays out where the licence does not allow it.
        given().auth().oauth2(Tokens.of("ada")).get("/instruments/ecr-r?version=1")
                .then().statusCode(200)
                .body("code", equalTo("ECR-R"))
                .body("items", hasSize(36))
                .body("items[0].text", nullValue())
                .body("items[8].reverseKeyed", equalTo(true))
                .body("scales.method", hasItems("MEAN"));
    }

    @Test
    void unknownInstrumentOrVersionIsNotFound() {
        given().auth().oauth2(Tokens.of("ingrid")).get("/instruments/BDI-II")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("ingrid")).get("/instruments/PHQ-9?version=9")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyClinicStaffMayRead() {
        given().get("/instruments").then().statusCode(401);
        given().get("/instruments/PHQ-9").then().statusCode(401);
        given().auth().oauth2(Tokens.of("sam")).get("/instruments").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sam")).get("/instruments/PHQ-9").then().statusCode(403);
        given().auth().oauth2(Tokens.of("carmen")).get("/instruments").then().statusCode(403);
    }
}
