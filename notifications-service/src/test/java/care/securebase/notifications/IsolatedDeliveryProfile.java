package care.securebase.notifications;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The service with an SMTP server and an SMS gateway of the test's own (free ports), short retries,
 * so a test can stop the mail server or make the gateway fail without touching the shared GreenMail.
 */
public class IsolatedDeliveryProfile implements QuarkusTestProfile {

    // System properties, not plain statics: Quarkus loads this class in more than one class loader,
    // and both must agree on the ports.
    public static final int SMTP_PORT = port("securebase.test.smtp-port");
    public static final int SMS_PORT = port("securebase.test.sms-port");

    static synchronized int port(String name) {
        return Integer.parseInt(System.getProperties()
                .computeIfAbsent(name, k -> String.valueOf(freePort())).toString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.mailer.port", String.valueOf(SMTP_PORT),
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.timeout", "3s",
                "securebase.sms.url", "http://127.0.0.1:" + SMS_PORT + "/messages",
                "securebase.sms.username", "securebase",
                "securebase.sms.password", "gateway-secret",
                "securebase.delivery.retry-delay", "1s",
                "securebase.delivery.max-attempts", "4");
    }
}
