package dev.tora.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import dev.tora.it.ToraDeployment;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The experiment page in a real browser: editing in place, hyperparameters, metadata, references, export. */
@ExtendWith(ArquillianExtension.class)
class ExperimentPageUiIT {

    private static Browser browser;
    private final Api api = Api.local();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private String seeded(String name) {
        String id = api.createExperiment(UiSeed.experiment(name, List.of("baseline"),
                "{\"optim\": {\"lr\": 0.001, \"betas\": {\"b1\": 0.9, \"b2\": 0.999}}, \"epochs\": 30}",
                "{\"git\": {\"commit\": \"abc123\"}, \"host\": \"gpu-01\"}"));
        UiSeed.curve(api, id, "loss", 200);
        return id;
    }

    @Test
    void nameDescriptionTagsStatusAndVisibilityAreEditedInPlace() {
        String id = seeded("edit-me");
        browser.go("/experiments/" + id);

        browser.click(By.id("header:name-edit_display"));
        WebElement name = browser.id("header:name-input");
        name.clear();
        name.sendKeys("edited name");
        browser.click(By.cssSelector("#header\\:name-edit_editor .ui-inplace-save"));
        browser.until(d -> browser.id("header:name-edit_display").getText().equals("edited name"));

        browser.click(By.id("header:description-edit_display"));
        WebElement description = browser.id("header:description-input");
        description.clear();
        description.sendKeys("a new description");
        browser.click(By.cssSelector("#header\\:description-edit_editor .ui-inplace-save"));

        WebElement tagInput = browser.id("header:tags-input_input");
        tagInput.sendKeys("added-tag", Keys.ENTER);
        browser.settle();

        browser.click(By.id("header:status-select"));
        browser.click(By.cssSelector("#header\\:status-select_items li[data-label='finished']"));
        browser.click(By.xpath("//div[@id='header:visibility']//*[normalize-space(text())='Public']"));

        JsonObject stored = browser.until(d -> {
            JsonObject e = api.get("/experiments/" + id).data().asJsonObject();
            return e.getString("visibility").equals("public") ? e : null;
        });
        assertEquals("edited name", stored.getString("name"));
        assertEquals("a new description", stored.getString("description"));
        assertEquals(List.of("\"baseline\"", "\"added-tag\""), stored.getJsonArray("tags").stream().map(Object::toString).toList());
        assertEquals("finished", stored.getString("status"));
        assertFalse(stored.isNull("ended_at"));
        assertTrue(browser.id("status").getText().toLowerCase().contains("finished"));
    }

    @Test
    void aRefusedEditShowsTheServersMessageAndKeepsTheStoredValue() {
        String id = seeded("keep-me");
        browser.go("/experiments/" + id);
        WebElement tagInput = browser.id("header:tags-input_input");
        tagInput.sendKeys("x".repeat(70), Keys.ENTER);
        browser.settle();
        WebElement growl = browser.visible(By.cssSelector(".ui-growl-message"));
        assertTrue(growl.getText().contains("tags[1]"), growl.getText());
        assertEquals(1, api.get("/experiments/" + id).data().asJsonObject().getJsonArray("tags").size());
    }

    @Test
    void hyperparametersAreGroupedByDottedKeyAndFiltered() {
        String id = seeded("params");
        browser.go("/experiments/" + id);
        String table = browser.id("params-form:hyperparams").getText();
        assertTrue(table.contains("optim"), table);
        assertTrue(table.contains("betas"), table);
        assertTrue(table.contains("epochs"), table);

        browser.id("params-form:param-filter").sendKeys("b2");
        browser.until(d -> !browser.id("params-form:hyperparams").getText().contains("epochs"));
        String filtered = browser.id("params-form:hyperparams").getText();
        assertTrue(filtered.contains("0.999"), filtered);
        assertFalse(filtered.contains("0.001"), filtered);
    }

    @Test
    void metadataIsACollapsibleTree() {
        String id = seeded("meta");
        browser.go("/experiments/" + id);
        String tree = browser.id("metadata-form:metadata").getText();
        assertTrue(tree.contains("abc123"), tree);
        browser.click(By.cssSelector("#metadata-form\\:metadata tr[data-rk] .ui-treetable-toggler"));
        browser.until(d -> !browser.id("metadata-form:metadata").getText().contains("abc123"));
    }

    @Test
    void referencesLinkBothWays() {
        String base = seeded("the-base");
        String derived = api.createExperiment(UiSeed.experimentReferencing("the-derived", base));
        browser.go("/experiments/" + derived);
        WebElement link = browser.visible(By.linkText("the-base"));
        assertTrue(link.getAttribute("href").endsWith("/experiments/" + base));
        browser.go("/experiments/" + base);
        assertTrue(browser.visible(By.linkText("the-derived")).getAttribute("href").endsWith("/experiments/" + derived));
    }

    @Test
    void exportMenuOffersEveryExporterAndTheCsvHoldsThePoints() {
        String id = seeded("export-me");
        browser.go("/experiments/" + id);
        browser.click(By.id("header:export_button"));
        String csvHref = browser.id("header:export-csv").getAttribute("href");
        assertTrue(browser.id("header:export-jsonl").isDisplayed());
        Api.Reply csv = Api.at(browser.base() + "/api").get(csvHref.substring((browser.base() + "/api").length()));
        assertEquals(200, csv.status());
        String[] lines = csv.body().split("\n");
        assertTrue(lines[0].contains("metric") && lines[0].contains("value"), lines[0]);
        assertEquals(200, java.util.Arrays.stream(lines).filter(l -> l.contains("loss")).count());
    }

    @Test
    void tickedMetricsChooseTheChartsAndCanBeOverlaid() {
        String id = seeded("charted");
        UiSeed.curve(api, id, "accuracy", 200);
        browser.go("/experiments/" + id);
        Browser.await(() -> chartKeys().containsAll(List.of("metric:loss", "metric:accuracy")), java.time.Duration.ofSeconds(20),
                () -> "both metrics charted: " + chartKeys());
        browser.click(By.cssSelector("#metrics-form\\:metrics_data tr[data-rk='loss'] .ui-chkbox-box"));
        Browser.await(() -> !chartKeys().contains("metric:loss"), java.time.Duration.ofSeconds(20),
                () -> "unticking loss removes its chart: " + chartKeys());
        browser.click(By.cssSelector("#metrics-form\\:metrics_data tr[data-rk='loss'] .ui-chkbox-box"));
        browser.click(By.id("overlay-selected"));
        Browser.await(() -> chartKeys().stream().anyMatch(k -> k.startsWith("overlay:") && k.contains("loss")
                && k.contains("accuracy")), java.time.Duration.ofSeconds(20), () -> "an overlay chart: " + chartKeys());
    }

    @SuppressWarnings("unchecked")
    private List<String> chartKeys() {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('[data-chart-key]'))"
                + ".map(c => c.getAttribute('data-chart-key'));");
    }

    @Test
    void anUnknownExperimentIsNotFound() {
        browser.go("/experiments/00000000-0000-0000-0000-00000000dead");
        assertTrue(browser.visible(By.tagName("h1")).getText().contains("Not found"));
    }
}
