package care.securebase.sessions.rest;

/** The demo's standing, as the tests assume it: clara supervises, tara is her trainee. */
final class Practitioners {

    private Practitioners() {
    }

    static void demoStanding() {
        SettingsResourceTest.practitioner("ada", "clara", "northside", false, true, null).statusCode(200);
        SettingsResourceTest.practitioner("ada", "tara", "northside", true, false, "clara").statusCode(200);
    }
}
