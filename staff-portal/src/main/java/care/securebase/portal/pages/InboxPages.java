package care.securebase.portal.pages;

import care.securebase.portal.api.NotificationsApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.web.PortalUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The signed-in person's in-portal notifications (notifications-service {@code /inbox}): the unread
 * count in the header of every page, fetched by htmx after the page loaded (one count call, so a
 * slow notifications service never slows a page), the list, and marking read.
 */
@Path("/notifications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InboxPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(NotificationsApi.InboxPage inbox, boolean unreadOnly, int page,
                                             boolean hasNext, String notice);

        static native TemplateInstance badge(Long unread);
    }

    private final NotificationsApi notifications;
    private final PortalUser user;

    public InboxPages(@RestClient NotificationsApi notifications, PortalUser user) {
        this.notifications = notifications;
        this.user = user;
    }

    /** Whether notifications-service keeps an inbox for this user's roles (every portal role has one). */
    static boolean hasInbox(PortalUser user) {
        return NotificationsApi.INBOX_ROLES.stream().anyMatch(user::has);
    }

    @GET
    public Response inbox(@QueryParam("unread") String unread, @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("done") String done) {
        if (!hasInbox(user)) {
            return care.securebase.portal.web.ErrorPages.page(404, "No notifications",
                    "Your role has no notifications in the portal: referrals reach you in the referral inbox.", null);
        }
        int current = Math.max(page, 0);
        boolean unreadOnly = "true".equals(unread);
        NotificationsApi.InboxPage inbox = notifications.inbox(unreadOnly, current, PAGE_SIZE);
        String notice = switch (done == null ? "" : done) {
            case "read" -> "Marked as read.";
            case "all" -> "All your notifications are marked as read.";
            default -> null;
        };
        return Response.ok(Templates.inbox(inbox, unreadOnly, current, (long) (current + 1) * PAGE_SIZE < inbox.total(),
                notice)).build();
    }

    /** The header's link with the unread count; without a count (no inbox, service down) just the link. */
    @GET
    @Path("badge")
    public TemplateInstance badge() {
        if (!hasInbox(user)) {
            return Templates.badge(null);
        }
        try {
            return Templates.badge(notifications.inboxCount().unread());
        } catch (ServiceFailure | ProcessingException e) {
            return Templates.badge(null);
        }
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm String open) {
        NotificationsApi.InboxItem item = notifications.markRead(id);
        // "Open" marks it read and goes where it points, within the portal.
        if ("true".equals(open) && item.link() != null) {
            String path = portalPath(item.link());
            if (path != null) {
                return ClientPages.seeOther(path);
            }
        }
        return ClientPages.seeOther("/notifications?done=read");
    }

    @POST
    @Path("read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response readAll() {
        notifications.markAllRead();
        return ClientPages.seeOther("/notifications?done=all");
    }

    /** The path of a link the service made (with its idea of the portal's address); only a local path is followed. */
    static String portalPath(String link) {
        try {
            URI uri = URI.create(link);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A GET of a form's address (after signing in again mid-POST): back to the list. */
    @GET
    @Path("{id: [^/]+}/read")
    public Response backToList() {
        return ClientPages.seeOther("/notifications");
    }

    @GET
    @Path("read-all")
    public Response backToListFromReadAll() {
        return ClientPages.seeOther("/notifications");
    }
}
