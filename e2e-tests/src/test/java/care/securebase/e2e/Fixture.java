package care.securebase.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real objects of clinic northside and organisation riverside-family, made once per run through the
 * services' APIs, for the hostile-input and access checks to aim at: a client (with consents, an
 * intake with instrument answers, an episode with a session, note, safety plan, treatment plan,
 * outcome, maintenance plan, boosters, flags and a check-in the client answered) and a referral of them to a riverside program.
 * Clinical text carries {@link #CLINICAL}, the client's name {@link #NAME}: neither may reach an
 * outsider, a log line or an event.
 */
final class Fixture {

    static final String CLINIC = "northside";
    static final String ORG = "riverside-family";
    /** Letters only: it goes into people's names, which hold no digits. */
    static final String RUN = letters(8);
    /** In the client's names. */
    static final String NAME = "Quillon" + RUN;
    /** In every clinical free text: note, safety plan, treatment plan, intake, referral reason and hopes. */
    static final String CLINICAL = "CLINMARK" + RUN;
    /** Staff id for the clinician and practitioner records the matrix may overwrite (not clara's). */
    static final String STAFF = "e2e-staff-" + RUN;

    private static Fixture instance;

    String client;
    String consent;
    String intake;
    String questionnaireResponse;
    String episode;
    String session;
    String note;
    String booster;
    String flag;
    String program;
    String referral;
    /** A check-in of the episode's schedule (falls due at once; its link is only in the event and the mail). */
    String checkIn;
    /** A link of the right shape that stands for nothing: /links/... operations answer it 404. */
    static final String NO_SUCH_LINK = "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA";
    /** A notice in clara's inbox (the on-call clinician is told of the fixture's high-risk intake). */
    String notice;

    private Fixture() {
    }

    static synchronized Fixture get() {
        if (instance == null) {
            Fixture f = new Fixture();
            long started = System.nanoTime();
            f.create();
            System.out.println("Fixture " + RUN + " made in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            instance = f;
        }
        return instance;
    }

    private void create() {
        String intakeUrl = Stack.INTAKE.url();
        String sessions = Stack.SESSIONS.url();
        String referrals = Stack.REFERRALS.url();
        as("ada").body(Map.of("displayName", "Clara Moreau", "caseloadLimit", 25, "onCall", true, "active", true))
                .put(intakeUrl + "/clinicians/clara").then().statusCode(200);
        client = as("ingrid").body(Map.of("legalName", NAME + " Fixture", "preferredName", NAME,
                        "dateOfBirth", "1985-05-05", "email", "fixture-" + RUN + "@example.org",
                        "preferredChannel", "EMAIL", "language", "en", "timeZone", "Europe/London",
                        "consents", List.of(
                                Map.of("scope", "CONTACT_EMAIL", "granted", true, "formVersion", "e2e"),
                                Map.of("scope", "SHARE_SOCIAL_WORK", "granted", true, "formVersion", "e2e"))))
                .post(intakeUrl + "/clients").then().statusCode(201).extract().path("id");
        consent = as("ingrid").get(intakeUrl + "/clients/" + client + "/consents")
                .then().statusCode(200).extract().path("current[0].id");
        // High risk (item 9): the on-call clinician gets a notice and sessions-service a RISK flag.
        intake = as("ingrid").body(Map.of("modality", "INDIVIDUAL", "clinicianId", "clara",
                        "presentingConcerns", CLINICAL + " presenting concerns",
                        "relationalHistory", CLINICAL + " relational history",
                        "triggers", List.of(CLINICAL + " trigger"),
                        "currentFunctioning", CLINICAL + " functioning",
                        "phq9", List.of(1, 2, 1, 1, 1, 1, 1, 1, 3),
                        "instruments", List.of(Map.of("code", "GAD-7", "answers", List.of(1, 2, 1, 0, 1, 1, 0)))))
                .post(intakeUrl + "/clients/" + client + "/intakes").then().statusCode(201).extract().path("id");
        questionnaireResponse = as("ingrid").queryParam("subject", "Patient/" + client)
                .get(intakeUrl + "/fhir/QuestionnaireResponse").then().statusCode(200)
                .extract().path("entry[0].resource.id");
        questionnaireResponse = questionnaireResponse == null ? null
                : questionnaireResponse.substring(questionnaireResponse.lastIndexOf('/') + 1);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                as("clara").queryParam("clientId", client).get(sessions + "/episodes")
                        .then().statusCode(200).body("size()", equalTo(1)));
        episode = as("clara").queryParam("clientId", client).get(sessions + "/episodes")
                .then().extract().path("[0].id");
        as("clara").body(Map.of("phase", "ACTIVE_TREATMENT")).post(sessions + "/episodes/" + episode + "/phase")
                .then().statusCode(200);
        session = as("clara").body(Map.of("plannedStart", Instant.now().minus(1, ChronoUnit.HOURS)
                                .truncatedTo(ChronoUnit.MINUTES).toString(),
                        "lengthMinutes", 50, "modality", "INDIVIDUAL", "telehealth", false))
                .post(sessions + "/episodes/" + episode + "/sessions").then().statusCode(201).extract().path("id");
        as("clara").body(Map.of("status", "ATTENDED")).post(sessions + "/sessions/" + session + "/status")
                .then().statusCode(200);
        note = as("clara").body(Map.of("sections", Map.of("data", CLINICAL + " data", "assessment",
                                CLINICAL + " assessment", "plan", CLINICAL + " plan"),
                        "triggers", List.of(CLINICAL + " note trigger")))
                .post(sessions + "/sessions/" + session + "/note").then().statusCode(201).extract().path("id");
        Map<String, Object> contact = Map.of("name", "Crisis line", "phone", "+44 20 7946 0999");
        as("clara").body(Map.of("warningSigns", List.of(CLINICAL + " warning sign"),
                        "copingStrategies", List.of(CLINICAL + " coping"), "peopleAndPlaces", List.of(),
                        "helpers", List.of(), "professionals", List.of(contact),
                        "saferEnvironment", List.of(CLINICAL + " safer")))
                .put(sessions + "/clients/" + client + "/safety-plan").then().statusCode(anyOf(equalTo(200), equalTo(201)));
        as("clara").body(Map.of("goals", List.of(CLINICAL + " goal"), "objectives", List.of(),
                        "interventions", List.of(Map.of("kind", "EMOTIONALLY_FOCUSED"))))
                .put(sessions + "/episodes/" + episode + "/treatment-plan").then().statusCode(anyOf(equalTo(200), equalTo(201)));
        as("clara").body(Map.of("instrument", "PHQ-9", "answers", List.of(1, 1, 0, 1, 0, 0, 1, 0, 0)))
                .post(sessions + "/episodes/" + episode + "/outcomes").then().statusCode(anyOf(equalTo(200), equalTo(201)));
        Instant due = Instant.now().plus(120, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        as("clara").body(Map.of("relapseWarningSigns", List.of(CLINICAL + " relapse sign"),
                        "copingTools", List.of(CLINICAL + " tool"), "supports", List.of(CLINICAL + " support"),
                        "boosters", List.of(due.toString(), due.plus(90, ChronoUnit.DAYS).toString())))
                .post(sessions + "/episodes/" + episode + "/maintenance").then().statusCode(201);
        booster = as("clara").get(sessions + "/episodes/" + episode + "/maintenance")
                .then().statusCode(200).extract().path("boosters[0].id");
        as("clara").body(Map.of("reported", List.of(0)))
                .post(sessions + "/episodes/" + episode + "/maintenance/warning-signs")
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
        flag = as("clara").get(sessions + "/episodes/" + episode + "/flags")
                .then().statusCode(200).extract().path("[0].id");
        as("clara").body(Map.of("instruments", List.of("PHQ-9"), "frequency", "WEEKLY",
                        "until", LocalDate.now().plusDays(60).toString(), "includeWarningSigns", true,
                        "includeCopingTools", true, "diaryPrompt", true, "warningSignThreshold", 1))
                .put(sessions + "/episodes/" + episode + "/check-in-schedule").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                (checkIn = as("clara").get(sessions + "/episodes/" + episode + "/check-ins").then().statusCode(200)
                        .extract().path("[0].id")) != null);
        // The client answers it by the link in check-in-due: the diary and the warning sign noticed carry the
        // clinical marker, so LeakIT finds them if they reach an event, a log line or a span.
        String link = TestKafka.read(Stack.TOPIC_PREFIX + Topics.SESSIONS, Duration.ofSeconds(30),
                        seen -> seen.stream().anyMatch(this::isFixtureCheckInDue)).stream()
                .filter(this::isFixtureCheckInDue).findFirst().orElseThrow().data().path("link").asText();
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("PHQ-9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0, 0)),
                        "warningSigns", List.of(0), "copingTools", List.of(0), "diary", CLINICAL + " diary"))
                .post(sessions + "/links/check-ins/" + link).then().statusCode(200);

        as("ada").body(Map.of("name", "Riverside Family Services", "noticeEmail", "intake-" + RUN + "@riverside.example.org"))
                .put(referrals + "/organisations/" + ORG).then().statusCode(anyOf(equalTo(200), equalTo(201)));
        program = as("ada").body(Map.of("organisationId", ORG, "name", "Fixture program " + RUN,
                        "kind", "SOCIAL_WORK", "languages", List.of("en"), "area", "North",
                        "remote", false, "acceptingReferrals", true))
                .post(referrals + "/programs").then().statusCode(201).extract().path("id");
        Map<String, Object> referralBody = Map.of("clientId", client, "programId", program,
                "reason", CLINICAL + " referral reason", "hopes", CLINICAL + " hopes", "urgency", "SOON",
                "respondBy", LocalDate.now().plusDays(7).toString(), "sharedItems", List.of("CLIENT_NAME", "REASON"),
                "sharedInformation", CLINICAL + " shared information");
        // Sending waits for the client's consent to reach referrals-service through intake's events.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as("carmen").body(referralBody).post(referrals + "/referrals").then().extract().statusCode() == 201);
        referral = as("carmen").queryParam("clientId", client).get(referrals + "/referrals")
                .then().statusCode(200).extract().path("[0].id");

        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<Map<String, Object>> items = as("clara").get(Stack.NOTIFICATIONS.url() + "/inbox")
                        .then().statusCode(200).extract().path("items");
                return items.stream().filter(n -> client.equals(n.get("clientId")))
                        .map(n -> (String) n.get("id")).peek(id -> notice = id).findFirst().isPresent();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("Fixture: no inbox notice for clara about the fixture client; /inbox/{id} gets random ids");
        }
        for (String[] missing : new String[][] {{"questionnaire response", questionnaireResponse}, {"flag", flag},
                {"booster", booster}, {"consent", consent}}) {
            if (missing[1] == null) {
                System.out.println("Fixture: no " + missing[0] + "; its operations get random ids");
            }
        }
    }

    private boolean isFixtureCheckInDue(care.securebase.events.EventEnvelope e) {
        return e.type().equals("check-in-due") && checkIn.equals(e.data().path("checkInId").asText());
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        // A failing step shows the service's answer.
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .filter(new io.restassured.filter.log.ResponseLoggingFilter(io.restassured.filter.log.LogDetail.ALL,
                        true, System.out, org.hamcrest.Matchers.greaterThanOrEqualTo(400)));
    }

    /** A random word of lower-case letters. */
    static String letters(int length) {
        StringBuilder word = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** The fixture's object for a path parameter, by the name and the path segment before it. */
    String pathValue(String path, String param) {
        String value = fixtureValue(path, param);
        return value != null ? value : UUID.randomUUID().toString();
    }

    private String fixtureValue(String path, String param) {
        String before = segmentBefore(path, param);
        return switch (param) {
            case "clientId" -> client;
            case "consentId" -> consent;
            case "code" -> "PHQ-9";
            case "version" -> "1";
            case "token" -> NO_SUCH_LINK;
            default -> switch (before) {
                case "clients", "Patient" -> client;
                case "intakes" -> intake;
                case "QuestionnaireResponse" -> questionnaireResponse;
                case "episodes" -> episode;
                case "sessions" -> session;
                case "notes" -> note;
                case "boosters" -> booster;
                case "flags" -> flag;
                case "programs" -> program;
                case "referrals", "ServiceRequest", "Task" -> referral;
                case "organisations" -> ORG;
                case "clinicians", "practitioners" -> STAFF;
                case "inbox" -> notice;
                case "check-ins" -> checkIn;
                default -> throw new IllegalStateException("No fixture object for {" + param + "} in " + path);
            };
        };
    }

    /** The fixture's object for a UUID property of a request body, by its name (null: a random one). */
    String bodyValue(String property) {
        return switch (property) {
            case "clientId" -> client;
            case "programId" -> program;
            case "episodeId" -> episode;
            case "sessionId" -> session;
            case "referralId" -> referral;
            default -> null;
        };
    }

    /** Whose object a path addresses, which decides who may see it. */
    enum Owner { NONE, CLINIC, REFERRAL, ORGANISATION, CLARA }

    static Owner ownerOf(OpenApi.Op op) {
        String path = op.path();
        if (path.startsWith("/referrals/{") || path.startsWith("/fhir/ServiceRequest/{") || path.startsWith("/fhir/Task/{")) {
            return Owner.REFERRAL;
        }
        if (path.startsWith("/programs/{") && !op.method().equals("GET")) {
            return Owner.ORGANISATION;
        }
        if (path.startsWith("/inbox/{")) {
            return Owner.CLARA;
        }
        for (String prefix : List.of("/clients/{", "/episodes/{", "/sessions/{", "/notes/{", "/boosters/{", "/flags/{",
                "/check-ins/{",
                "/fhir/Patient/{", "/fhir/QuestionnaireResponse/{")) {
            if (path.startsWith(prefix)) {
                return Owner.CLINIC;
            }
        }
        return Owner.NONE;
    }

    static boolean sees(Callers.Caller caller, Owner owner) {
        return switch (owner) {
            case NONE -> true;
            case CLINIC -> caller.seesFixtureClinic();
            case REFERRAL -> caller.seesFixtureReferral();
            case ORGANISATION -> caller.roles().contains("clinic-admin") || ORG.equals(caller.org());
            case CLARA -> caller.name().equals("clara");
        };
    }

    private static String segmentBefore(String path, String param) {
        String[] parts = path.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("{" + param + "}")) {
                return parts[i - 1];
            }
        }
        return "";
    }

    /** Whether a response carries anything of the fixture's client. */
    static boolean leaks(String body) {
        return body != null && (body.contains(NAME) || body.contains(CLINICAL));
    }
}
