package care.securebase.portal.pages;

import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.web.Formats;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Clients' names for the clinical pages. sessions-service knows clients only by id; the names are
 * intake-service's, asked once per client and request. A client intake will not show (another
 * clinic's, or intake not answering) is named by its short id, so a page never fails for a name.
 */
@RequestScoped
public class ClientNames {

    private final IntakeApi intake;
    private final Map<String, String> known = new HashMap<>();

    public ClientNames(@RestClient IntakeApi intake) {
        this.intake = intake;
    }

    public String of(String clientId) {
        if (clientId == null) {
            return Formats.text(null);
        }
        return known.computeIfAbsent(clientId, id -> {
            try {
                return intake.client(id).displayName();
            } catch (RuntimeException unavailable) {
                return "Client " + Formats.shortId(id);
            }
        });
    }

    /** The names of all these clients, by id. */
    public Map<String, String> of(java.util.Collection<String> clientIds) {
        Map<String, String> names = new HashMap<>();
        clientIds.forEach(id -> names.put(id, of(id)));
        return names;
    }
}
