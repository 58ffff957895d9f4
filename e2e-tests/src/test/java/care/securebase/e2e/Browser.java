package care.securebase.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for every browser test of the run (started on first use, closed after the
 * last test class), driven through Debian's chromium and chromium-driver packages that ./clinic
 * installs: the driver's path is given, so Selenium Manager never downloads a browser or driver.
 */
public final class Browser implements BeforeAllCallback {

    public static final String CHROMIUM = System.getProperty("securebase.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("securebase.chromedriver", "/usr/bin/chromedriver");
    public static final String PORTAL = Stack.PORTAL.url();
    static final Dimension WINDOW = new Dimension(1280, 900);

    private static ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Browser.class.getName(), k -> start(), Closer.class);
    }

    /** Closes the browser once, after the last test class. */
    record Closer(ChromeDriver driver) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            driver.quit();
        }
    }

    private static Closer start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER + " is missing: ./clinic test installs "
                    + "Debian's chromium and chromium-driver (or: apt-get install chromium chromium-driver)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=" + WINDOW.width + "," + WINDOW.height, "--lang=en-GB",
                        "--disable-search-engine-choice-screen", "--no-first-run");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Closer(driver);
    }

    public static ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(Browser.class)");
        }
        return driver;
    }

    /**
     * A wait that rides out page changes: a condition that meets an element of the page being replaced
     * (stale, or what Chrome sometimes calls a node that "does not belong to the document") is simply
     * not true yet.
     */
    public static WebDriverWait waiting() {
        return new PageWait(driver());
    }

    private static final class PageWait extends WebDriverWait {
        PageWait(WebDriver driver) {
            super(driver, Duration.ofSeconds(15), Duration.ofMillis(100));
            ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        }

        @Override
        public <V> V until(java.util.function.Function<? super WebDriver, V> condition) {
            return super.until(d -> {
                try {
                    return condition.apply(d);
                } catch (org.openqa.selenium.WebDriverException e) {
                    if (tornDown(e)) {
                        return null;
                    }
                    throw e;
                }
            });
        }
    }

    /** Chrome's other way of saying "stale element": the node's page is being torn down. */
    private static boolean tornDown(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Signs in through Keycloak's login page as a demo user (password demo). Cookies of both the
     * portal and Keycloak are cleared first (both live on "localhost"), so nobody stays signed in.
     */
    public static void signIn(String username) {
        ChromeDriver d = driver();
        d.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        d.get(PORTAL + "/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys("demo");
        d.findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
    }

    public static void open(String path) {
        driver().get(PORTAL + path);
    }

    public static String heading() {
        return driver().findElement(By.tagName("h1")).getText();
    }

    /** The labels of the main navigation. */
    public static List<String> navigation() {
        return driver().findElements(By.cssSelector("nav[aria-label=Main] a")).stream().map(WebElement::getText).toList();
    }

    public static void type(String id, String text) {
        WebElement field = driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    public static void choose(String id, String value) {
        new Select(driver().findElement(By.id(id))).selectByValue(value);
    }

    /** Clicks the submit button with this text and waits for the next page. */
    public static void press(String buttonText) {
        WebElement button = driver().findElement(By.xpath("//button[normalize-space()='" + buttonText + "']"));
        button.click();
        untilReplaced(button);
    }

    /** Waits until the page the element was on has been replaced. */
    public static void untilReplaced(WebElement element) {
        waiting().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (tornDown(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    public static String text() {
        return driver().findElement(By.tagName("main")).getText();
    }

    /**
     * Saves the whole page as target/screenshots/NAME.png (the window is stretched to the page's
     * height for the shot, at most 2400 px).
     */
    public static Path screenshot(String name) {
        ChromeDriver d = driver();
        try {
            Object height = ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollHeight");
            int h = Math.min(2400, Math.max(WINDOW.height, ((Number) height).intValue()));
            d.manage().window().setSize(new Dimension(WINDOW.width, h));
            ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0); document.activeElement.blur()");
            File shot = d.getScreenshotAs(OutputType.FILE);
            Path dir = Path.of(System.getProperty("securebase.root", "..")).resolve("e2e-tests/target/screenshots");
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        } finally {
            d.manage().window().setSize(WINDOW);
        }
    }

    /**
     * Whether the current page fits a window this wide (a tablet's 768 px, say) without scrolling
     * sideways; wide tables scroll inside their own box and do not count. The window is put back.
     */
    public static boolean fitsWidth(int width) {
        ChromeDriver d = driver();
        try {
            d.manage().window().setSize(new Dimension(width, WINDOW.height));
            Object fits = ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
            return Boolean.TRUE.equals(fits);
        } finally {
            d.manage().window().setSize(WINDOW);
        }
    }

    /** For JUnit, which creates the extension; tests use the static helpers. */
    public Browser() {
    }
}
