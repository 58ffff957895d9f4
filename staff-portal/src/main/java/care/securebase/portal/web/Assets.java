package care.securebase.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import care.securebase.portal.PortalConfig;

/**
 * Where the pages load their front-end libraries from: WebJars on the class path (no CDN, no Node
 * build), e.g. {@code {inject:assets.htmx}}. The path names the WebJar's version, which
 * staff-portal/pom.xml fixes; PagesTest fetches it, so a version moved in one place only fails the build.
 */
@Named("assets")
@ApplicationScoped
public class Assets {

    private final String htmx;

    public Assets(PortalConfig config) {
        this.htmx = config.htmx();
    }

    public String htmx() {
        return htmx;
    }
}
