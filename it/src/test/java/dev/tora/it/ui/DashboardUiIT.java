package dev.tora.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import dev.tora.it.ToraDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard in a real browser over a seeded workspace of 120 experiments: database sorting,
 * virtual scrolling, the query language, bulk actions, forms and the compare page.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardUiIT {

    private static final int RUNS = 120;
    private static Browser browser;
    private static String workspace;
    private static final Api API = Api.local();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @BeforeAll
    static void seed() {
        browser = Browser.open();
        workspace = API.post("/workspaces", "{\"name\": \"dashboard-ui\"}").data().asJsonObject().getString("id");
        for (int i = 0; i < RUNS; i++) {
            JsonObject body = Json.createObjectBuilder()
                    .add("name", String.format("run-%03d", i))
                    .add("workspaceId", workspace)
                    .add("tags", i % 10 == 0 ? Json.createArrayBuilder().add("special") : Json.createArrayBuilder().add("plain"))
                    .add("hyperparams", Json.createObjectBuilder().add("lr", lr(i)).add("batch", 32 << (i % 3))
                            .add("optimizer", "adam"))
                    .build();
            String id = API.createExperiment(body);
            API.post("/experiments/" + id + "/metrics/batch", "{\"series\": [{\"name\": \"loss\", \"steps\": [0],"
                    + " \"values\": [" + loss(i) + "]}]}");
            if (i % 2 == 0) {
                API.patch("/experiments/" + id, "{\"status\": \"finished\"}");
            }
        }
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private static double lr(int i) {
        return (i % 7 + 1) / 100.0;
    }

    /** A loss that is not in creation order, so sorting by it is visible. */
    private static double loss(int i) {
        return ((i * 37) % RUNS) / 100.0 + 0.001;
    }

    private void dashboard(String query) {
        browser.go("/?workspace=" + workspace + (query == null ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    }

    /** The names in the table, read in one script so that rows the virtual scroll replaces cannot go stale. */
    @SuppressWarnings("unchecked")
    private List<String> names() {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll("
                + "'#dash\\\\:experiments_data tr[data-rk] a.tora-exp-link')).map(a => a.textContent.trim());");
    }

    private void addColumn(String key) {
        browser.click(By.id("dash:columns"));
        WebElement input = browser.id("columns-form:column-key_input");
        input.clear();
        input.sendKeys(key);
        browser.js("PF('columnsDialog').jq.find('.ui-autocomplete-panel').hide();");
        browser.click(By.id("columns-form:column-add"));
        browser.js("PF('columnsDialog').hide();");
    }

    private void select(int... rows) {
        List<WebElement> boxes = browser.all(By.cssSelector("#dash\\:experiments_data tr[data-rk] td.ui-selection-column .ui-chkbox-box"));
        for (int r : rows) {
            boxes.get(r).click();
            browser.settle();
        }
    }

    private List<String> selectedIds() {
        List<String> out = new ArrayList<>();
        for (WebElement tr : browser.all(By.cssSelector("#dash\\:experiments_data tr[data-rk][aria-selected='true']"))) {
            out.add(tr.getAttribute("data-rk"));
        }
        return out;
    }

    @Test
    void sortingByAMetricColumnHappensInTheDatabase() {
        dashboard(null);
        addColumn("metrics.loss.last");
        WebElement header = browser.visible(By.xpath("//th[.//span[normalize-space(text())='loss.last']]"));
        header.click();
        browser.settle();
        browser.until(d -> names().size() > 0 && names().get(0).equals("run-000"));
        header = browser.visible(By.xpath("//th[.//span[normalize-space(text())='loss.last']]"));
        header.click();
        browser.settle();
        // the largest loss, (i * 37) % 120 == 119, is run i = 107
        browser.until(d -> names().size() > 0 && names().get(0).equals("run-107"));
    }

    @Test
    void scrollingLoadsTheNextPagesFromTheServer() {
        dashboard("name ~ \"run-\"");
        List<String> first = names();
        assertTrue(first.size() < RUNS && !first.contains("run-000"), "only the first pages are rendered: " + first.size());
        assertEquals("run-119", first.get(0));
        // PrimeFaces asks for the rows 200 ms after the last scroll event, so the wait scrolls to the
        // bottom again until the request it set off has brought the oldest run (or fails the test)
        browser.until(d -> {
            if (names().contains("run-000")) {
                return Boolean.TRUE;
            }
            browser.js("var b = document.querySelector('#dash\\\\:experiments .ui-datatable-scrollable-body');"
                    + " b.scrollTop = b.scrollHeight;");
            return Boolean.FALSE;
        });
    }

    @Test
    void aQueryWithOrAndParenthesesFiltersInTheDatabase() {
        dashboard("(params.lr >= 0.07 OR tags = \"special\") AND status = finished");
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < RUNS; i++) {
            if ((lr(i) >= 0.07 || i % 10 == 0) && i % 2 == 0) {
                expected.add(String.format("run-%03d", i));
            }
        }
        assertEquals(expected, new TreeSet<>(names()));
        assertEquals("(params.lr >= 0.07 OR tags = \"special\") AND status = finished",
                browser.id("search").getAttribute("value"));
    }

    @Test
    void aMalformedQuerySaysWhereItIsWrong() {
        dashboard("metrics.loss < ");
        WebElement error = browser.id("dash:query-error");
        assertTrue(error.getText().contains("position"), error.getText());
        String caret = browser.id("query-caret").getText();
        assertTrue(caret.endsWith("^"), caret);
    }

    @Test
    void bulkTagReachesExactlyTheSelectedExperiments() {
        dashboard("tags = \"plain\"");
        select(0, 1, 2);
        List<String> ids = selectedIds();
        assertEquals(3, ids.size());
        assertTrue(browser.id("selection-count").getText().contains("3 experiments"));
        browser.click(By.id("dash:bulk-tag-open"));
        browser.id("bulk-form:bulk-tag").sendKeys("bulk-x");
        browser.click(By.id("bulk-form:bulk-tag-add"));
        for (String id : ids) {
            assertTrue(API.get("/experiments/" + id).data().asJsonObject().getJsonArray("tags").toString().contains("bulk-x"));
        }
        Api.Reply tagged = API.get("/experiments?workspace=" + workspace + "&tag=bulk-x");
        assertEquals(3, tagged.items().size());
    }

    @Test
    void bulkVisibilityAndTagRemovalReachTheSelection() {
        String a = API.createExperiment(Json.createObjectBuilder().add("name", "vis-a").add("workspaceId", workspace)
                .add("tags", Json.createArrayBuilder().add("drop-me").add("keep")).build());
        String b = API.createExperiment(Json.createObjectBuilder().add("name", "vis-b").add("workspaceId", workspace)
                .add("tags", Json.createArrayBuilder().add("drop-me")).build());
        dashboard("name ~ \"vis-\"");
        select(0, 1);
        browser.click(By.id("dash:make-public"));
        browser.until(d -> API.get("/experiments/" + a).data().asJsonObject().getString("visibility").equals("public"));
        assertEquals("public", API.get("/experiments/" + b).data().asJsonObject().getString("visibility"));
        browser.click(By.id("dash:bulk-tag-open"));
        browser.id("bulk-form:bulk-tag").sendKeys("drop-me");
        browser.click(By.id("bulk-form:bulk-tag-remove"));
        browser.until(d -> !API.get("/experiments/" + b).data().asJsonObject().getJsonArray("tags").toString().contains("drop-me"));
        assertEquals("[\"keep\"]", API.get("/experiments/" + a).data().asJsonObject().getJsonArray("tags").toString());
    }

    /** A workspace of its own with a few experiments, for the tests that change the column layout. */
    private static String workspaceOfItsOwn(String name) {
        String id = API.post("/workspaces", "{\"name\": \"" + name + "\"}").data().asJsonObject().getString("id");
        for (int i = 0; i < 3; i++) {
            API.createExperiment(Json.createObjectBuilder().add("name", name + "-" + i).add("workspaceId", id)
                    .add("tags", Json.createArrayBuilder().add("t")).build());
        }
        return id;
    }

    @Test
    void aResizedColumnKeepsItsWidthAfterReload() {
        browser.go("/?workspace=" + workspaceOfItsOwn("resized"));
        By nameHeader = By.xpath("//th[.//span[normalize-space(text())='Name']]");
        int before = browser.visible(nameHeader).getSize().getWidth();
        WebElement resizer = browser.visible(nameHeader).findElement(By.cssSelector(".ui-column-resizer"));
        new Actions(browser.driver()).clickAndHold(resizer).moveByOffset(40, 0).moveByOffset(40, 0).release().perform();
        browser.settle();
        browser.until(d -> Math.abs(browser.visible(nameHeader).getSize().getWidth() - (before + 80)) <= 20);
        browser.until(d -> {
            browser.reload();
            return Math.abs(browser.visible(nameHeader).getSize().getWidth() - (before + 80)) <= 20;
        });
        // a column added now gets a width of its own and is scrolled into view
        addColumn("updated");
        addColumn("params.nothing");
        WebElement added = browser.visible(By.xpath("//th[.//span[normalize-space(text())='nothing']]"));
        assertTrue(added.getSize().getWidth() >= 100, "width " + added.getSize().getWidth());
    }

    @Test
    void aDraggedColumnKeepsItsPlaceAfterReload() {
        browser.go("/?workspace=" + workspaceOfItsOwn("dragged"));
        WebElement tags = browser.visible(By.xpath("//th[.//span[normalize-space(text())='Tags']]"));
        WebElement name = browser.visible(By.xpath("//th[.//span[normalize-space(text())='Name']]"));
        new Actions(browser.driver()).clickAndHold(tags).moveByOffset(-20, 0)
                .moveToElement(name, -name.getSize().getWidth() / 2 + 5, 0).moveByOffset(-2, 0).release().perform();
        browser.settle();
        browser.until(d -> headers().indexOf("Tags") < headers().indexOf("Name"));
        browser.until(d -> {
            browser.reload();
            return headers().indexOf("Tags") >= 0 && headers().indexOf("Tags") < headers().indexOf("Name");
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> headers() {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('#dash\\\\:experiments th.tora-col'))"
                + ".map(th => th.textContent.trim());");
    }

    @Test
    void bulkDeleteAsksNamingHowManyAndDeletes() {
        String a = API.createExperiment(Json.createObjectBuilder().add("name", "doomed-a").add("workspaceId", workspace).build());
        String b = API.createExperiment(Json.createObjectBuilder().add("name", "doomed-b").add("workspaceId", workspace).build());
        dashboard("name ~ \"doomed\"");
        select(0, 1);
        browser.click(By.id("dash:bulk-delete"));
        WebElement confirm = browser.visible(By.cssSelector(".ui-confirm-dialog"));
        assertTrue(confirm.getText().contains("2 experiments"), confirm.getText());
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.until(d -> API.get("/experiments/" + a).status() == 404 && API.get("/experiments/" + b).status() == 404);
        assertTrue(names().isEmpty());
    }

    @Test
    void theNewExperimentFormShowsTheServersValidation() {
        dashboard(null);
        browser.click(By.id("dash:new-experiment"));
        browser.id("new-experiment-form:exp-name").sendKeys("formed");
        browser.id("new-experiment-form:exp-hyperparams").sendKeys("lr = 0.1\nthis line has no equals sign");
        browser.click(By.id("new-experiment-form:exp-create"));
        WebElement message = browser.visible(By.cssSelector("#new-experiment-form .ui-message-error"));
        assertTrue(message.getText().contains("line 2"), message.getText());
        assertTrue(API.get("/experiments?workspace=" + workspace + "&q=formed").items().isEmpty());

        WebElement params = browser.id("new-experiment-form:exp-hyperparams");
        params.clear();
        params.sendKeys("lr = 0.1");
        browser.click(By.id("new-experiment-form:exp-create"));
        browser.until(d -> d.getCurrentUrl().contains("/experiments/"));
        assertEquals(0.1, API.get("/experiments?workspace=" + workspace + "&q=formed").items().get(0)
                .getJsonObject("hyperparams").getJsonNumber("lr").doubleValue());
    }

    @Test
    void columnsAreRememberedPerWorkspace() {
        dashboard(null);
        addColumn("params.batch");
        assertTrue(browser.visible(By.xpath("//th[.//span[normalize-space(text())='batch']]")).isDisplayed());
        browser.reload();
        assertTrue(browser.visible(By.xpath("//th[.//span[normalize-space(text())='batch']]")).isDisplayed());
        browser.go("/?workspace=00000000-0000-0000-0000-000000000001");
        assertTrue(browser.all(By.xpath("//th[.//span[normalize-space(text())='batch']]")).isEmpty());
    }

    @Test
    void compareSelectedOpensTheComparisonWithTheDiff() {
        dashboard("tags = \"special\"");
        select(0, 1, 2);
        List<String> ids = selectedIds();
        browser.click(By.id("dash:compare"));
        browser.until(d -> d.getCurrentUrl().contains("/compare?ids="));
        for (String id : ids) {
            assertTrue(browser.driver().getCurrentUrl().contains(id));
        }
        assertEquals(3, browser.all(By.cssSelector("#runs_data tr[data-ri]")).size());
        assertFalse(browser.all(By.cssSelector("#diff-form\\:diff .tora-diff-cell")).isEmpty(), "differing values are highlighted");
        int before = browser.all(By.cssSelector("#diff-form\\:diff_data tr[data-ri]")).size();
        browser.click(By.cssSelector("#diff-form\\:hide-equal .ui-toggleswitch-slider"));
        browser.until(d -> browser.all(By.cssSelector("#diff-form\\:diff_data tr[data-ri]")).size() < before);
    }

    @Test
    void screenshotsOfTheMainPagesInBothThemes() {
        String id = API.get("/experiments?workspace=" + workspace + "&limit=1").items().get(0).getString("id");
        String ids = String.join(",", API.get("/experiments?workspace=" + workspace + "&limit=3").items().stream()
                .map(e -> e.getString("id")).toList());
        for (String theme : List.of("light", "dark")) {
            browser.theme(theme);
            dashboard(null);
            browser.screenshot("dashboard-" + theme);
            browser.go("/experiments/" + id);
            browser.screenshot("experiment-" + theme);
            browser.go("/compare?ids=" + ids);
            browser.screenshot("compare-" + theme);
            assertEquals(theme, browser.js("return document.documentElement.dataset.theme;"));
        }
    }
}
