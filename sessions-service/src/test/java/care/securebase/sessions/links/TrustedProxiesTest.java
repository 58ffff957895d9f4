package care.securebase.sessions.links;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The proxies trusted to pass the client's address on (the link endpoints' rate limit counts by it) are
 * named by address: Quarkus looks a host name up in DNS while requests wait, and takes a bare IPv6
 * address such as {@code ::1} for one.
 */
class TrustedProxiesTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/\\d{1,3}");
    private static final Pattern DEPLOYMENT_VALUE = Pattern.compile(
            "name: QUARKUS_HTTP_PROXY_TRUSTED_PROXIES\\s+value: (\\S+)");

    @Test
    void theApplicationTrustsAddressesOnly() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String value = properties.getProperty("quarkus.http.proxy.trusted-proxies");
        assertFalse(value == null || value.isBlank(), "trusted proxies are configured");
        assertAddresses(value);
    }

    @Test
    void theKubernetesDeploymentTrustsAddressesOnly() throws IOException {
        Path deployment = Path.of("../deploy/kubernetes/base/apps/sessions-service/deployment.yaml");
        Matcher m = DEPLOYMENT_VALUE.matcher(Files.readString(deployment));
        assertTrue(m.find(), "the deployment sets QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        assertAddresses(m.group(1));
    }

    private static void assertAddresses(String value) {
        List<String> entries = Arrays.stream(value.split(",")).map(String::trim).toList();
        assertAll(entries.stream().map(entry -> () -> assertTrue(
                IPV4.matcher(entry).matches() || IPV6_CIDR.matcher(entry).matches(),
                entry + " is an IPv4 address or CIDR, or an IPv6 CIDR, not something Quarkus would look up")));
    }
}
