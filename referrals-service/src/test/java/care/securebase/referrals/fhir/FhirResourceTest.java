package care.securebase.referrals.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FhirResourceTest {

    private static final String SECRET = "FHIR-SEEDED-7d1a";

    /** A referral through the API (the rest package's fixtures are not visible here). */
    private static Map<String, String> referral(List<String> shared) {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "Riverside Family Centre", "noticeEmail", "intake@riverside-family.example.org"))
                .put("/organisations/riverside-family");
        String programId = given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("organisationId", "riverside-family", "name", "Family casework " + UUID.randomUUID(),
                        "kind", "SOCIAL_WORK", "languages", List.of("en")))
                .post("/programs").then().statusCode(201).extract().path("id");
        UUID client = UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            var consent = new care.securebase.referrals.ClientConsent();
            consent.id = new care.securebase.referrals.ClientConsent.Id(client, "SHARE_SOCIAL_WORK");
            consent.clinicId = "northside";
            consent.consentId = UUID.randomUUID();
            consent.granted = true;
            consent.effectiveAt = java.time.Instant.now();
            consent.updatedAt = java.time.Instant.now();
            consent.persist();
        });
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", client.toString());
        body.put("programId", programId);
        body.put("reason", SECRET + " reason: help with housing letters");
        body.put("hopes", SECRET + " hopes: a calmer home");
        body.put("urgency", "URGENT");
        body.put("respondBy", LocalDate.now().plusDays(7).toString());
        body.put("sharedItems", shared);
        body.put("sharedInformation", "Please call in the afternoon");
        String id = given().auth().oauth2(Tokens.of("carmen")).contentType(ContentType.JSON).body(body)
                .post("/referrals").then().statusCode(201).extract().path("id");
        return Map.of("id", id, "client", client.toString());
    }

    private static String fhir(String who, String path) {
        return given().auth().oauth2(Tokens.of(who)).get(path)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
    }

    @Test
    void theClinicGetsAValidServiceRequestAndTask() {
        Map<String, String> r = referral(List.of("REASON"));
        String id = r.get("id");
        String json = fhir("carmen", "/fhir/ServiceRequest/" + id);
        assertEquals(List.of(), FhirValidation.errors(json));
        ServiceRequest request = FhirValidation.CONTEXT.newJsonParser().parseResource(ServiceRequest.class, json);
        assertEquals(ServiceRequest.ServiceRequestStatus.ACTIVE, request.getStatus());
        assertEquals(ServiceRequest.ServiceRequestPriority.ASAP, request.getPriority());
        assertEquals("Patient/" + r.get("client"), request.getSubject().getReference());
        assertEquals("northside", request.getRequester().getIdentifier().getValue());
        assertEquals("riverside-family", request.getPerformerFirstRep().getIdentifier().getValue());
        assertEquals("SOCIAL_WORK", request.getCode().getCodingFirstRep().getCode());
        assertTrue(request.getReasonCodeFirstRep().getText().contains("housing letters"));

        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(Map.of("reason", "NO_CAPACITY"))
                .post("/referrals/" + id + "/decline").then().statusCode(200);
        String taskJson = fhir("carmen", "/fhir/Task/" + id);
        assertEquals(List.of(), FhirValidation.errors(taskJson));
        Task task = FhirValidation.CONTEXT.newJsonParser().parseResource(Task.class, taskJson);
        assertEquals(Task.TaskStatus.REJECTED, task.getStatus());
        assertEquals("declined", task.getBusinessStatus().getCodingFirstRep().getCode());
        assertEquals("NO_CAPACITY", task.getStatusReason().getCodingFirstRep().getCode());
        assertEquals("ServiceRequest/" + id, task.getBasedOnFirstRep().getReference());
        assertEquals("Patient/" + r.get("client"), task.getFor().getReference());

        String search = fhir("clara", "/fhir/Task?based-on=ServiceRequest/" + id);
        assertEquals(List.of(), FhirValidation.errors(search));
        Bundle bundle = FhirValidation.CONTEXT.newJsonParser().parseResource(Bundle.class, search);
        assertEquals(1, bundle.getTotal());
        assertEquals(id, bundle.getEntryFirstRep().getResource().getIdElement().getIdPart());
        // The ServiceRequest is revoked once the partner declined.
        assertTrue(fhir("carmen", "/fhir/ServiceRequest/" + id).contains("\"revoked\""));
    }

    /** A client asking for plain JSON gets FHIR JSON, as from a HAPI server; one asking for XML a 406 problem. */
    @Test
    void aClientAskingForJsonGetsFhirJson() {
        String id = referral(List.of("REASON")).get("id");
        for (String path : List.of("/fhir/ServiceRequest/" + id, "/fhir/Task/" + id,
                "/fhir/Task?based-on=ServiceRequest/" + id)) {
            String json = given().auth().oauth2(Tokens.of("carmen")).accept("application/json").get(path)
                    .then().statusCode(200).contentType("application/fhir+json").extract().asString();
            assertEquals(List.of(), FhirValidation.errors(json), path);
            assertEquals(fhir("carmen", path), json, path);
            given().auth().oauth2(Tokens.of("carmen")).accept("application/fhir+xml").get(path)
                    .then().statusCode(406).contentType("application/problem+json");
        }
    }

    @Test
    void everyStatusMakesAValidTask() {
        String id = referral(List.of("REASON")).get("id");
        String sam = Tokens.of("sam");
        given().auth().oauth2(sam).post("/referrals/" + id + "/accept").then().statusCode(200);
        given().auth().oauth2(sam).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().plusDays(3).toString()))
                .post("/referrals/" + id + "/schedule").then().statusCode(200);
        Task scheduled = FhirValidation.CONTEXT.newJsonParser().parseResource(Task.class, fhir("carmen", "/fhir/Task/" + id));
        assertEquals(Task.TaskStatus.ACCEPTED, scheduled.getStatus());
        assertEquals("scheduled", scheduled.getBusinessStatus().getCodingFirstRep().getCode());
        assertEquals(List.of(), FhirValidation.errors(fhir("carmen", "/fhir/ServiceRequest/" + id)));
        given().auth().oauth2(sam).post("/referrals/" + id + "/start").then().statusCode(200);
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of("outcome", "GOALS_MET"))
                .post("/referrals/" + id + "/complete").then().statusCode(200);
        String json = fhir("carmen", "/fhir/Task/" + id);
        assertEquals(List.of(), FhirValidation.errors(json));
        Task done = FhirValidation.CONTEXT.newJsonParser().parseResource(Task.class, json);
        assertEquals(Task.TaskStatus.COMPLETED, done.getStatus());
        assertEquals("GOALS_MET", ((org.hl7.fhir.r4.model.CodeableConcept) done.getOutputFirstRep().getValue()).getCodingFirstRep().getCode());
    }

    @Test
    void thePartnerGetsOnlyWhatWasSharedAndOthersNothing() {
        Map<String, String> r = referral(List.of("HOPES"));
        String id = r.get("id");
        String json = fhir("sam", "/fhir/ServiceRequest/" + id);
        assertEquals(List.of(), FhirValidation.errors(json));
        assertFalse(json.contains(r.get("client")), "client id");
        assertFalse(json.contains("northside"), "clinic");
        assertFalse(json.contains("housing letters"), "unshared reason");
        assertTrue(json.contains("a calmer home"));
        ServiceRequest request = FhirValidation.CONTEXT.newJsonParser().parseResource(ServiceRequest.class, json);
        assertEquals("#client", request.getSubject().getReference());
        assertTrue(request.getContained().get(0) instanceof Patient);

        String task = fhir("sam", "/fhir/Task/" + id);
        assertEquals(List.of(), FhirValidation.errors(task));
        assertFalse(task.contains(r.get("client")));
        assertFalse(task.contains("northside"));
        // Reading FHIR is not the partner's first look.
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id)
                .then().body("status", org.hamcrest.Matchers.equalTo("SENT"));

        given().auth().oauth2(Tokens.of("sofia")).get("/fhir/ServiceRequest/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("sofia")).get("/fhir/Task/" + id).then().statusCode(404);
        Bundle none = FhirValidation.CONTEXT.newJsonParser().parseResource(Bundle.class,
                fhir("sofia", "/fhir/Task?based-on=ServiceRequest/" + id));
        assertEquals(0, none.getTotal());
        given().auth().oauth2(Tokens.of("carl")).get("/fhir/ServiceRequest/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("ingrid")).get("/fhir/ServiceRequest/" + id).then().statusCode(403);
        given().get("/fhir/Task/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.of("carmen")).queryParam("based-on", "Patient/x").get("/fhir/Task")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("based-on"));
    }

    @Test
    void theValidatorRefusesAnInvalidTask() {
        var errors = FhirValidation.errors("{\"resourceType\":\"Task\",\"status\":\"pondering\",\"intent\":\"order\"}");
        assertFalse(errors.isEmpty());
    }
}
