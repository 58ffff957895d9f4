import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite's two helpers (scripts/faults.sh), run as a single-file program with plain Java:
 *
 * <ul>
 *   <li>{@code gate LISTEN_PORT TARGET_PORT}: a TCP forwarder in front of GreenMail's SMTP port. Stopping
 *       it makes "the SMTP server" unreachable while GreenMail keeps the mail it already has, so the
 *       mails can be counted across the outage.</li>
 *   <li>{@code load key=value...}: steady load through a fault. At a fixed arrival rate, each new client
 *       is registered and their intake completed with a clinician (intake-service); once sessions-service
 *       has opened the episode, it is moved to active treatment and then to maintenance with one booster
 *       two days ahead, whose seven-day reminder is due at once (notifications-service, mail). Then one
 *       check-in of the episode falls due ({@code check-in-due} on sessions-events, published by
 *       {@link CheckInEvents}), whose link goes to the client at once (notifications-service, mail). Every
 *       request is written to a TSV file with its outcome, so the script can count afterwards that each
 *       accepted request's effects exist exactly once and refused ones left nothing behind.</li>
 * </ul>
 */
public class Faults {

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("gate")) {
            Gate.run(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else if (args.length >= 1 && args[0].equals("load")) {
            Map<String, String> options = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
            new Load(options).run();
        } else {
            System.err.println("usage: Faults gate LISTEN TARGET | Faults load key=value...");
            System.exit(2);
        }
    }
}

/**
 * Publishes {@code check-in-due} events to sessions-events the way sessions-service's outbox relay does:
 * the envelope of the events module as JSON, keyed by the client, acknowledged by all in-sync replicas.
 * Kept apart from {@link Load} so that the gate runs without the Kafka client on its class path.
 */
final class CheckInEvents implements AutoCloseable {

    record Event(String id, String checkInId, String client, String json) {
    }

    private final org.apache.kafka.clients.producer.KafkaProducer<String, String> producer;
    private final String topic;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    CheckInEvents(String bootstrap, String prefix) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        // A broker outage (70 s in the kafka scenario) is waited out by the send, then by the caller's retry.
        p.put("delivery.timeout.ms", "60000");
        p.put("request.timeout.ms", "20000");
        p.put("max.block.ms", "20000");
        producer = new org.apache.kafka.clients.producer.KafkaProducer<>(p);
        topic = prefix + "sessions-events";
    }

    /** A check-in due now, expiring in 72 hours, with a link token shaped as sessions mints them. */
    Event due(String client, String episode) {
        String id = UUID.randomUUID().toString();
        String checkInId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String json = """
                {"id":"%s","type":"check-in-due","source":"sessions-service","time":"%s","subject":"%s",\
                "schemaVersion":1,"data":{"checkInId":"%s","episodeId":"%s","clientId":"%s","clinicId":"northside",\
                "link":"%s","dueAt":"%s","expiresAt":"%s"}}"""
                .formatted(id, now, client, checkInId, episode, client, token(), now, now.plus(Duration.ofHours(72)));
        return new Event(id, checkInId, client, json);
    }

    /** @return null once the broker acknowledged it, else why not */
    String publish(Event event) {
        try {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, event.client(), event.json()))
                    .get(90, TimeUnit.SECONDS);
            return null;
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "kafka:" + cause.getClass().getSimpleName();
        }
    }

    private String token() {
        byte[] nonce = new byte[16];
        byte[] sig = new byte[16];
        random.nextBytes(nonce);
        random.nextBytes(sig);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(nonce) + "." + b64.encodeToString(sig);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

/** Forwards every connection on 127.0.0.1:listen to 127.0.0.1:target, byte for byte. */
final class Gate {

    static void run(int listen, int target) throws IOException {
        try (ServerSocket server = new ServerSocket(listen, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("gate listening on " + listen + " -> " + target);
            while (true) {
                Socket client = server.accept();
                forward(client, target);
            }
        }
    }

    private Gate() {
    }

    private static void forward(Socket client, int target) {
        new java.lang.Thread(() -> {
            try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                java.lang.Thread back = new java.lang.Thread(() -> pump(upstream, client));
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
                back.join(5_000);
            } catch (IOException | InterruptedException e) {
                // the other side went away; the SMTP client sees a closed connection
            }
        }).start();
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

final class Load {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    /**
     * Status codes for outcomes without an HTTP answer: no connection (nothing was done), no answer
     * in time, and a connection cut after the request went out (whether it was done is unknown).
     */
    private static final int REFUSED = 0;
    private static final int TIMEOUT = -1;
    private static final int LOST = -2;

    private final String intake;
    private final String sessions;
    private final String keycloak;
    private final String tag;
    private final double rate;
    private final Path stopFile;
    private final Duration settle;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String zone = afternoonZone();
    private final String booster = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile long deadline = Long.MAX_VALUE;
    /** Null when the run has no broker to publish check-ins to (kafka= not given). */
    private final CheckInEvents checkIns;

    Load(Map<String, String> o) throws IOException {
        intake = o.get("intake");
        sessions = o.get("sessions");
        keycloak = o.get("keycloak");
        tag = o.get("tag");
        rate = Double.parseDouble(o.getOrDefault("rate", "1"));
        stopFile = Path.of(o.get("stop"));
        settle = Duration.ofSeconds(Long.parseLong(o.getOrDefault("settle", "90")));
        out = new PrintWriter(Files.newBufferedWriter(Path.of(o.get("out"))), true);
        checkIns = o.containsKey("kafka") ? new CheckInEvents(o.get("kafka"), o.getOrDefault("topic-prefix", "")) : null;
    }

    void run() throws Exception {
        for (String user : new String[] {"ingrid", "clara", "tara"}) {
            String token = login(user);
            if (token == null) {
                throw new IllegalStateException("no token for " + user + " from " + keycloak);
            }
            tokens.put(user, token);
        }
        // Tokens live five minutes: fetch new ones now and then; while Keycloak is away the old ones serve.
        java.util.concurrent.ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            java.lang.Thread t = new java.lang.Thread(r, "token-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> tokens.replaceAll((user, old) -> {
            String fresh = login(user);
            return fresh == null ? old : fresh;
        }), 60, 60, TimeUnit.SECONDS);

        ExecutorService flows = Executors.newCachedThreadPool();
        long start = System.nanoTime();
        long periodNanos = (long) (1_000_000_000L / rate);
        int n = 0;
        while (!Files.exists(stopFile)) {
            int number = n++;
            flows.submit(() -> flow(number));
            long next = start + n * periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        deadline = System.nanoTime() + settle.toNanos();
        flows.shutdown();
        if (!flows.awaitTermination(settle.toSeconds() + 15, TimeUnit.SECONDS)) {
            flows.shutdownNow();
        }
        refresher.shutdownNow();
        if (checkIns != null) {
            checkIns.close();
        }
        System.out.printf("clients=%d unfinished=%d%n", n, unfinished.get());
        out.close();
    }

    /** One client's path; stops at the first request that was not accepted. */
    private void flow(int number) {
        String email = tag + "-" + number + "@faults.example.org";
        String clinician = number % 2 == 0 ? "clara" : "tara";
        // Retried like the other writes: the Idempotency-Key makes a retry after an unknown outcome
        // answer with the client the first attempt registered instead of registering a second one.
        Result r = retrying("register", email, "", "ingrid", intake + "/clients", """
                {"legalName":"%s %s","preferredName":"%s","dateOfBirth":"%s","email":"%s",
                 "preferredChannel":"EMAIL","language":"en","timeZone":"%s","consents":[
                   {"scope":"CONTACT_EMAIL","granted":true,"formVersion":"faults"}]}"""
                .formatted(word(), word(), word(), born(), email, zone), 201, UUID.randomUUID().toString());
        if (r == null || r.status != 201) {
            return;
        }
        String client = r.id();
        r = send("intake", email, client, "ingrid", "POST", intake + "/clients/" + client + "/intakes", """
                {"modality":"INDIVIDUAL","presentingConcerns":"Fault suite intake","clinicianId":"%s",
                 "phq9":[1,1,2,1,1,1,0,1,0]}""".formatted(clinician));
        if (r.status != 201) {
            return;
        }
        // The episode appears once sessions-service has the intake-completed event: late, during a fault.
        String episode = null;
        long pause = 1_000;
        while (episode == null) {
            if (System.nanoTime() > deadline) {
                record("unfinished", email, client, 0, false, "no episode seen");
                unfinished.incrementAndGet();
                return;
            }
            r = send("poll-episode", email, client, clinician, "GET", sessions + "/episodes?clientId=" + client, null);
            episode = r.status == 200 ? r.id() : null;
            if (episode == null) {
                sleep(pause);
                pause = Math.min(4_000, pause + 500);
            }
        }
        if (retrying("treatment", email, client, clinician, sessions + "/episodes/" + episode + "/phase",
                "{\"phase\":\"ACTIVE_TREATMENT\"}", 200, null) == null) {
            return;
        }
        if (retrying("maintenance", email, client, clinician, sessions + "/episodes/" + episode + "/maintenance", """
                {"relapseWarningSigns":["withdrawing"],"copingTools":["breathing"],"supports":["friend"],
                 "boosters":["%s"]}""".formatted(booster), 201, null) == null || checkIns == null) {
            return;
        }
        checkIn(email, client, episode);
    }

    /**
     * One check-in of the episode falls due now. sessions-service does not publish check-ins on the
     * load's schedule, so the load announces it as sessions would (same topic, key and envelope), and a
     * careful producer retries the same event (same id) until the broker has it: the consumer's inbox makes
     * a copy a no-op. Recorded as 201 once acknowledged, with the check-in's id as detail.
     */
    private void checkIn(String email, String client, String episode) {
        CheckInEvents.Event event = checkIns.due(client, episode);
        while (System.nanoTime() < deadline) {
            String failure = checkIns.publish(event);
            if (failure == null) {
                record("checkin", email, client, 201, false, event.checkInId());
                return;
            }
            record("checkin-retry", email, client, REFUSED, false, failure);
            sleep(1_000);
        }
        record("unfinished", email, client, 0, false, "checkin");
        unfinished.incrementAndGet();
    }

    /**
     * What a careful client does with a step that must happen once: try again after a refusal that
     * promises nothing was written (503, no connection, 502/504). A 409 after such a refusal means the
     * refused attempt was written after all: recorded as "written-despite-refusal". With an
     * Idempotency-Key every attempt carries the same key. Returns the accepted answer, or null.
     */
    private Result retrying(String step, String email, String client, String user, String url, String body, int ok,
                            String key) {
        boolean refusedBefore = false;
        boolean inDoubt = false;
        while (System.nanoTime() < deadline) {
            Result r = send(step, email, client, user, "POST", url, body, key);
            if (r.status == ok || (ok == 200 && r.status == 204)) {
                if (r.replayed && (refusedBefore || inDoubt)) {
                    // The key found an earlier attempt's work: that attempt was written after all.
                    record(inDoubt ? "in-doubt-was-written" : "written-despite-refusal", email, r.id(), r.status,
                            false, step);
                }
                return r;
            }
            if (r.status == 409 && (refusedBefore || inDoubt) && key == null) {
                // The service said it could not tell (its commit lost the database): finding it done is fine.
                record(inDoubt ? "in-doubt-was-written" : "written-despite-refusal", email, client, 409, r.problem, step);
                return r;
            }
            if (r.inDoubt()) {
                inDoubt = true;
                sleep(1_000);
                continue;
            }
            if (r.status == 401) {
                tokens.computeIfPresent(user, (u, old) -> {
                    String fresh = login(u);
                    return fresh == null ? old : fresh;
                });
            } else if (r.status == REFUSED || r.status == 502 || r.status == 503 || r.status == 504) {
                refusedBefore = true;
            } else if (r.status == TIMEOUT || r.status == LOST) {
                inDoubt = true; // the request may have been carried out: finding it done later is fine
            } else {
                return null;
            }
            sleep(1_000);
        }
        record("unfinished", email, client, 0, false, step);
        unfinished.incrementAndGet();
        return null;
    }

    private record Result(int status, boolean problem, String body, boolean replayed) {
        Result(int status, boolean problem, String body) {
            this(status, problem, body, false);
        }

        /** A 503 saying the commit lost the database: written or not, nobody knows. */
        boolean inDoubt() {
            return status == 503 && body != null && body.contains("commit-outcome-unknown");
        }

        String id() {
            Matcher m = ID.matcher(body == null ? "" : body);
            return m.find() ? m.group(1) : null;
        }
    }

    private Result send(String step, String email, String client, String user, String method, String url, String body) {
        return send(step, email, client, user, method, url, body, null);
    }

    private Result send(String step, String email, String client, String user, String method, String url, String body,
                        String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.get(user)).header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        Result result;
        String detail = "";
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            result = new Result(response.statusCode(), problem, response.body(),
                    response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true"));
            String front = frontAnswer(result);
            if (front != null) {
                // The front (scripts/front.sh) speaking for an instance: the outcome a direct
                // connection would have had, so requests count the same with or without it.
                result = new Result(front.equals("no-instance-reachable") ? REFUSED
                        : front.equals("instance-timeout") ? TIMEOUT : LOST, false, null);
                detail = "front:" + front;
            }
        } catch (HttpTimeoutException e) {
            result = new Result(TIMEOUT, false, null);
            detail = "timeout";
        } catch (ConnectException e) {
            result = new Result(REFUSED, false, null);
            detail = "refused";
        } catch (IOException e) {
            result = new Result(LOST, false, null);
            detail = "lost:" + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            result = new Result(REFUSED, false, null);
            detail = "interrupted";
        }
        // A successful poll that found nothing yet is noise; everything else is written down.
        if (!(step.equals("poll-episode") && result.status == 200 && result.id() == null)) {
            if (result.status >= 500) {
                detail = result.body == null ? "" : result.body.replaceAll("\\s+", " ");
                detail = detail.length() > 200 ? detail.substring(0, 200) : detail;
            }
            record(step, email, client == null || client.isEmpty() ? nullToEmpty(result.id()) : client,
                    result.status, result.problem, detail);
        }
        return result;
    }

    private static final Pattern FRONT = Pattern.compile(
            "/problems/(no-instance-reachable|instance-lost-request|instance-timeout)\"");

    /** The front's own problem type (503: no instance reached, 502: cut, 504: no answer in time), or null. */
    private static String frontAnswer(Result r) {
        if (r.status < 502 || r.status > 504 || !r.problem) {
            return null;
        }
        Matcher m = FRONT.matcher(r.body == null ? "" : r.body);
        return m.find() ? m.group(1) : null;
    }

    private synchronized void record(String step, String email, String client, int status, boolean problem, String detail) {
        out.printf("%d\t%s\t%s\t%s\t%d\t%d\t%s%n", System.currentTimeMillis(), step, email, nullToEmpty(client), status,
                problem ? 1 : 0, detail.replace('\t', ' '));
    }

    private String login(String user) {
        String form = "grant_type=password&client_id=securebase-tests&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/securebase/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(response.body());
            return response.statusCode() == 200 && m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void sleep(long millis) {
        try {
            java.lang.Thread.sleep(millis);
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
    }

    /** Made-up names and birth dates, so registration's duplicate check never matches another client. */
    private static String word() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            w.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String born() {
        return LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000)).toString();
    }

    /** A fixed-offset zone where it is early afternoon, so quiet hours never hold a reminder back. */
    private static String afternoonZone() {
        for (int offset = -12; offset <= 14; offset++) {
            String id = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
            LocalTime local = ZonedDateTime.now(ZoneId.of(id)).toLocalTime();
            if (!local.isBefore(LocalTime.of(12, 0)) && local.isBefore(LocalTime.of(13, 0))) {
                return id;
            }
        }
        return "Etc/GMT";
    }
}
