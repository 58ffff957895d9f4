package care.securebase.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every simulation needs: where the stack is, the load to apply, and real tokens from the realm. */
final class Bench {

    static final String KEYCLOAK = prop("bench.keycloak", "http://localhost:8180");
    static final String INTAKE = prop("bench.intake", "http://localhost:8081");
    static final String SESSIONS = prop("bench.sessions", "http://localhost:8082");
    static final String REFERRALS = prop("bench.referrals", "http://localhost:8083");
    /** Arrivals per second (open model) and for how long. */
    static final double RATE = Double.parseDouble(prop("bench.rate", "10"));
    static final Duration DURATION = Duration.ofSeconds(Long.parseLong(prop("bench.seconds", "30")));
    /** Tags every client the run creates, so the script can find them in the databases afterwards. */
    static final String RUN = prop("bench.run", "bench");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Bench() {
    }

    /**
     * Someone new each time: made-up names and a random date of birth, so the duplicate check (same birth
     * date and a similar name) runs as it does for real registrations without matching earlier bench
     * clients. The run's tag goes into the e-mail address, where the script finds them again.
     */
    static java.util.Iterator<java.util.Map<String, Object>> people() {
        return java.util.stream.Stream.generate(() -> {
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            String who = java.util.UUID.randomUUID().toString().substring(0, 12);
            java.time.LocalDate born = java.time.LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000));
            return java.util.Map.<String, Object>of("who", who, "given", word(random), "family", word(random),
                    "born", born.toString(), "email", RUN + "-" + who + "@bench.example.org");
        }).iterator();
    }

    private static String word(java.util.concurrent.ThreadLocalRandom random) {
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            w.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static String prop(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    /** A password-grant token of a demo user (tokens live five minutes; a run is shorter). */
    static String token(String username) {
        String form = "grant_type=password&client_id=securebase-tests&password=demo&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/securebase/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + username + ": HTTP " + response.statusCode());
            }
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak unreachable at " + KEYCLOAK, e);
        }
    }

    static String get(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(url + " unreachable", e);
        }
    }

    /**
     * A fixed-offset zone where it is early afternoon now, so that quiet hours (evening and night in the
     * client's own zone) never hold back the reminders whose dispatch rate is being measured.
     */
    static String afternoonZone() {
        for (int offset = -12; offset <= 14; offset++) {
            String id = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
            LocalTime local = ZonedDateTime.now(ZoneId.of(id)).toLocalTime();
            if (!local.isBefore(LocalTime.of(12, 0)) && local.isBefore(LocalTime.of(13, 0))) {
                return id;
            }
        }
        return "Etc/GMT";
    }

    /**
     * Tells the script when the load starts and ends ({@code bench.markers}: a folder), so it measures CPU
     * over exactly the timed part and not Maven's start or the report. The start marker holds this JVM's
     * PID: the load generator's own CPU is kept apart.
     */
    static void mark(String moment) {
        String folder = prop("bench.markers", "");
        if (folder.isEmpty()) {
            return;
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(folder, "marker." + moment),
                    Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the " + moment + " marker into " + folder, e);
        }
    }
}
