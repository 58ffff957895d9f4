package care.securebase.notifications.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The SMS gateway: any HTTP endpoint taking {@code POST {"to","text","reference"}} as JSON and
 * answering 2xx once it accepted the message. No URL: SMS is off (reminders SKIPPED sms-not-configured).
 */
@ConfigMapping(prefix = "securebase.sms")
public interface SmsConfig {

    /** {@code SECUREBASE_SMS_URL}. */
    Optional<String> url();

    /** Basic-auth user and password ({@code SECUREBASE_SMS_USERNAME} / {@code _PASSWORD}), if the gateway wants them. */
    Optional<String> username();

    Optional<String> password();

    /** A bearer token ({@code SECUREBASE_SMS_TOKEN}) instead of basic auth. */
    Optional<String> token();

    @WithDefault("10s")
    Duration timeout();
}
