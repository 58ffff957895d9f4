package care.securebase.portal;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at start-up which service addresses this portal calls: the first thing to check when a page says a service is not answering. */
public class ServicesLog {

    private static final Logger LOG = Logger.getLogger(ServicesLog.class);

    void onStart(@Observes StartupEvent start, ServicesConfig services) {
        LOG.infof("Services: intake %s, sessions %s, referrals %s, notifications %s", services.intakeUrl(),
                services.sessionsUrl(), services.referralsUrl(), services.notificationsUrl());
    }
}
