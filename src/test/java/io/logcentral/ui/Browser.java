package io.logcentral.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through its chromedriver (installed by .ci/run): nothing is downloaded, and
 * Chromium's background connections, which this closed network refuses, are switched off.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Selenium warns on every start that it has no DevTools bindings for this Chromium's version; WebDriver itself
     * needs none. Held here so the level is not lost with a collected logger.
     */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    }

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(int port) {
        this("http://127.0.0.1:" + port);
    }

    Browser(String base) {
        this.base = base;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            this.profile = Files.createTempDirectory("logcentral-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** Opens the page fresh, signed out. */
    void open(String fragment) {
        driver.get(base + "/");
        script("sessionStorage.clear(); localStorage.clear();");
        driver.get(base + "/" + fragment);
        driver.navigate().refresh();
        waitFor(d -> d.findElement(By.id("token")).isDisplayed());
        consoleErrors(); // drops what earlier tests left in the console log
    }

    void signIn(String token) {
        type(By.id("token"), token);
        driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
    }

    void signInAndWait(String token) {
        signIn(token);
        waitFor(d -> d.findElement(By.id("app-view")).isDisplayed());
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#logs > li.log"));
    }

    List<String> messages() {
        return rows().stream()
                .map(row -> row.findElement(By.className("log-message")).getText())
                .toList();
    }

    /** Clicks what the selector finds, again if the page redrew it (facets are redrawn when their counts come). */
    void click(By by) {
        waitFor(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    void type(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(RuntimeException.class).until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String hash() {
        return (String) script("return decodeURIComponent(location.hash)");
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows into docs/screenshots, where the repository keeps them. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The visible controls that have no accessible name, as their HTML. */
    List<String> controlsWithoutAccessibleName() {
        return driver.findElements(By.cssSelector("button, input, select, summary, a")).stream()
                .filter(WebElement::isDisplayed)
                .filter(control -> control.getAccessibleName().isBlank())
                .map(control -> control.getAttribute("outerHTML"))
                .toList();
    }

    /** What the page wrote to the console, CSP refusals and script errors included. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
