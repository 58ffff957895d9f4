package care.securebase.portal.pages;

/** Opens InboxPages' package-private helpers to tests in other packages. */
public final class InboxPagesAccess {

    private InboxPagesAccess() {
    }

    public static String portalPath(String link) {
        return InboxPages.portalPath(link);
    }
}
