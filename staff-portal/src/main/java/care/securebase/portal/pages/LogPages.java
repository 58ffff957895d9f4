package care.securebase.portal.pages;

import care.securebase.portal.api.NotificationsApi;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The delivery logs of notifications-service: booster reminders per client, notices to partners. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LogPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reminders(String clientId, List<NotificationsApi.Reminder> reminders);

        static native TemplateInstance notices(List<NotificationsApi.Notice> notices, int page, boolean hasNext);
    }

    private final NotificationsApi notifications;

    public LogPages(@RestClient NotificationsApi notifications) {
        this.notifications = notifications;
    }

    /** Reminders are kept per client: the page asks which client first. */
    @GET
    @Path("reminders")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public TemplateInstance reminders(@QueryParam("clientId") String clientId) {
        String client = Forms.orNull(clientId);
        List<NotificationsApi.Reminder> reminders = client == null ? List.of() : notifications.reminders(client);
        return Templates.reminders(client, reminders);
    }

    @GET
    @Path("notices")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public TemplateInstance notices(@QueryParam("page") @DefaultValue("0") int page) {
        int current = Math.max(page, 0);
        List<NotificationsApi.Notice> notices = notifications.notices(current, PAGE_SIZE);
        return Templates.notices(notices, current, notices.size() == PAGE_SIZE);
    }
}
