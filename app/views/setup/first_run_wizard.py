"""The first-run wizard: the owner's account and which shop this desk works for.

Owns `FirstRunWizard` and the `FirstRunResult` it hands back. Three pages: the
owner's account (checked as it is typed, Next disabled until it is valid), the shop
(抖店 Douyin or TikTok Shop; that platform's demo shop, or a real shop's keys — Douyin's
app key, secret, shop id and gateway, TikTok's app key, secret and authorization code —
with a "Test connection" that asks `services.setup.connection_test` on the network
lane; for TikTok the test is what exchanges the single-use code, and the wizard keeps
what it got for the result), and a summary. Nothing is written anywhere: the caller
saves the result, so cancelling at any page leaves the computer as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from app import secrets
from app.services.setup.connection_test import DOUYIN, TIKTOK, ConnectionTest, ConnectionTester, ShopKeys
from app.services.setup.shop_setup import ShopChoice
from app.views.common import formatting
from app.views.common.background import NET_LANE, WORK_LANE, BackgroundTasks
from app.views.setup.first_run_pages import OwnerPage
from app.views.setup.shop_page import DEFAULT_GATEWAYS, ShopPage

DEFAULT_GATEWAY = DEFAULT_GATEWAYS[DOUYIN]


@dataclass(frozen=True)
class FirstRunResult:
    """What the person chose; the startup code creates the owner and saves the shop."""

    owner_username: str
    owner_display_name: str
    owner_password: str = field(repr=False)
    use_demo: bool
    gateway: str = DEFAULT_GATEWAY
    app_key: str = ""
    app_secret: str = field(default="", repr=False)
    shop_id: str = ""
    stay_signed_in: bool = False
    allow_plain_file_secret: bool = False
    platform: str = DOUYIN  # "douyin" or "tiktok", the demo shop's too
    shop_name: str = ""  # as the connection test heard it from the platform
    # TikTok: what the test exchanged the single-use authorization code for (opaque JSON of
    # tokens), for the password store; "" for Douyin and the demo shops.
    kept: str = field(default="", repr=False)

    def shop_choice(self) -> ShopChoice:
        """The shop part of the answers, as the set-up services take it (the first run,
        "Change shop…" and "Add a shop…" alike)."""
        return ShopChoice(
            use_demo=self.use_demo,
            gateway=self.gateway,
            app_key=self.app_key,
            app_secret=self.app_secret,
            shop_id=self.shop_id,
            allow_plain_file_secret=self.allow_plain_file_secret,
            platform=self.platform,
            shop_name=self.shop_name,
            kept=self.kept,
        )


class SummaryPage(QWizardPage):
    """The last page: what will be set up, and "stay signed in" for a one-person shop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("firstRunSummary")
        self.summary.setWordWrap(True)
        self.stay_signed_in = QCheckBox(self)
        self.stay_signed_in.setObjectName("staySignedIn")
        self._stay_hint = QLabel(self)
        self._stay_hint.setObjectName("hint")
        self._stay_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(self.stay_signed_in)
        layout.addWidget(self._stay_hint)
        layout.addStretch(1)
        self._shop_only = False
        self._adding = False
        self.retranslate_ui()

    def set_shop_only(self, shop_only: bool, *, adding: bool = False) -> None:
        self._shop_only = shop_only or adding
        self._adding = adding
        self._stay_hint.setHidden(self._shop_only)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Check what will be set up, then press Finish."))
        self.stay_signed_in.setText(self.tr("Stay signed in on this computer"))
        self._stay_hint.setText(
            self.tr(
                "Only for a shop run by one person: the desk then opens without asking for "
                "the password. Anyone who can use this computer can then act as the owner."
            )
        )

    def show_summary(self, result: FirstRunResult, tested_shop: str) -> None:
        lines = []
        if self._adding:
            lines.append(
                self.tr("The shop is added to this desk beside the others. Your account comes along.")
            )
        elif self._shop_only:
            lines.append(self.tr("AfterSales Desk will restart to open this shop. Your account comes along."))
        else:
            lines.append(
                self.tr("Owner account: {name} (user name “{user}”)").format(
                    name=result.owner_display_name, user=result.owner_username
                )
            )
        tiktok = result.platform == TIKTOK
        if result.use_demo:
            lines.append(self._demo_words(tiktok))
        elif tiktok:
            lines.append(
                self.tr("Shop: {shop} on TikTok Shop (shop id {shop_id}) via {gateway}").format(
                    shop=result.shop_name or result.shop_id, shop_id=result.shop_id, gateway=result.gateway
                )
            )
            lines.append(self.tr("The authorization code was exchanged for the shop's keys."))
            if result.allow_plain_file_secret:
                lines.append(
                    self.tr("The app secret and shop keys will be kept in a protected file on this computer.")
                )
            else:
                lines.append(
                    self.tr("The app secret and shop keys will be kept in the system's password store.")
                )
        else:
            lines.append(
                self.tr("Shop: {shop_id} via {gateway}").format(
                    shop_id=result.shop_id, gateway=result.gateway
                )
            )
            if tested_shop:
                lines.append(self.tr("Connection tested: connected to {shop}.").format(shop=tested_shop))
            else:
                lines.append(self.tr("The connection was not tested; the first sync will try it."))
            if result.allow_plain_file_secret:
                lines.append(self.tr("The app secret will be kept in a protected file on this computer."))
            else:
                lines.append(self.tr("The app secret will be kept in the system's password store."))
        self.summary.setText("\n\n".join(lines))

    def _demo_words(self, tiktok: bool) -> str:
        if tiktok:
            return self.tr(
                "Shop: the demo TikTok shop on this computer — English data in US dollars; "
                "practise freely, nothing is real."
            )
        return self.tr("Shop: the demo shop on this computer — practise freely, nothing is real.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class FirstRunWizard(QWizard):
    """Asks for the owner and the shop; `first_run_result()` after it was accepted."""

    def __init__(
        self,
        tasks: BackgroundTasks,
        parent: QWidget | None = None,
        *,
        test_connection: ConnectionTester,
        keyring_available: Callable[[], bool] = secrets.keyring_available,
        shop_only: bool = False,
        adding: bool = False,
    ) -> None:
        """`test_connection`: the shop's connection test (`app.shop.check_shop_keys` in the desk);
        `shop_only`: the owner exists already and is changing the shop (Settings);
        `adding`: the owner adds one more shop to the desk (the shop page and the summary only)."""
        shop_only = shop_only or adding
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self._shop_only = shop_only
        self._adding = adding
        self._tasks = tasks
        self._test_connection_of = test_connection
        self._tested_shop = ""  # the shop name the last successful test reported
        self._tested: ConnectionTest | None = None  # the last successful test's answer
        # A TikTok code spent by a test: the app key and what it bought, for the next test
        # (after a failure once the code was exchanged, or after an edit of a passed test).
        # Keyed by the app key and the code: a new code is the seller authorising again
        # (perhaps another shop), and is exchanged.
        self._spent: tuple[tuple[str, str], str] = (("", ""), "")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.owner_page = None if shop_only else OwnerPage(self)
        self.shop_page = ShopPage(self)
        self.summary_page = SummaryPage(self)
        self.summary_page.stay_signed_in.setHidden(shop_only)
        self.summary_page.set_shop_only(shop_only, adding=adding)
        for page in (self.owner_page, self.shop_page, self.summary_page):
            if page is not None:
                self.addPage(page)
        self.shop_page.test_requested.connect(self._test_connection)
        self.shop_page.credentials_edited.connect(self._forget_test)
        self.currentIdChanged.connect(self._on_page_changed)
        self.setMinimumSize(640, 520)
        self.retranslate_ui()
        # Whether the OS keyring answers can take a moment (D-Bus); ask off the GUI thread.
        self._tasks.run(
            "first_run.keyring",
            keyring_available,
            self.shop_page.set_keyring_available,
            lambda _error: self.shop_page.set_keyring_available(False),
            lane=WORK_LANE,
        )

    # --- the result ------------------------------------------------------------------
    def first_run_result(self) -> FirstRunResult:
        owner, shop = self.owner_page, self.shop_page
        use_demo = shop.use_demo()
        tiktok = shop.platform() == TIKTOK and not use_demo
        tested = self._tested
        return FirstRunResult(
            owner_username=owner.username() if owner else "",
            owner_display_name=owner.display_name() if owner else "",
            owner_password=owner.password() if owner else "",
            use_demo=use_demo,
            gateway=DEFAULT_GATEWAYS[shop.platform()] if use_demo else shop.gateway(),
            app_key="" if use_demo else shop.app_key(),
            app_secret="" if use_demo else shop.app_secret(),
            # A TikTok shop's id is the one the platform named when the code was exchanged.
            shop_id="" if use_demo else (tested.shop_id if tiktok and tested else shop.shop_id()),
            stay_signed_in=self.summary_page.stay_signed_in.isChecked(),
            allow_plain_file_secret=not use_demo and shop.plain_file_allowed(),
            platform=shop.platform(),
            shop_name="" if use_demo else self._tested_shop,
            kept=tested.kept if tiktok and tested else "",
        )

    # --- the connection test -------------------------------------------------------------
    @Slot()
    def _test_connection(self) -> None:
        keys = ShopKeys(
            gateway=self.shop_page.gateway(),
            app_key=self.shop_page.app_key(),
            app_secret=self.shop_page.app_secret(),
            shop_id=self.shop_page.shop_id(),
            platform=self.shop_page.platform(),
            auth_code=self.shop_page.auth_code(),
            kept=self._spent[1] if self._spent[0] == self._code_of_page() else "",
        )
        test = self._test_connection_of
        self._tested_shop = ""
        self._tested = None
        self.shop_page.show_test_running()
        self._tasks.run(
            "first_run.test_connection",
            lambda: test(keys),
            self._on_tested,
            self._on_test_failed,
            lane=NET_LANE,
        )

    def _code_of_page(self) -> tuple[str, str]:
        return self.shop_page.app_key(), self.shop_page.auth_code()

    def _on_tested(self, answer: ConnectionTest) -> None:
        if answer.connected:
            self._tested = answer
            if answer.kept:  # an edit forgets this test, not what the spent code bought
                self._spent = (self._code_of_page(), answer.kept)
            self._tested_shop = answer.shop_name or answer.shop_id or self.shop_page.shop_id()
            self.shop_page.show_test_result(
                True, self.tr("Connected to {shop}").format(shop=self._tested_shop), ""
            )
        else:
            if answer.kept:  # the code is spent: what it bought goes into the next test
                self._spent = (self._code_of_page(), answer.kept)
            problem = answer.problem
            words = formatting.problem_text(problem) or self.tr("The test failed.")
            self.shop_page.show_test_result(False, words, answer.platform_words)

    def _on_test_failed(self, error: BaseException) -> None:
        self.shop_page.show_test_result(
            False, self.tr("The test could not run: {error}").format(error=error), ""
        )

    @Slot()
    def _forget_test(self) -> None:
        self._tasks.cancel("first_run.test_connection")
        self._tested_shop = ""
        self._tested = None

    # --- pages and language ---------------------------------------------------------------
    @Slot(int)
    def _on_page_changed(self, page_id: int) -> None:
        if self.page(page_id) is self.summary_page:
            self.summary_page.show_summary(self.first_run_result(), self._tested_shop)

    def retranslate_ui(self) -> None:
        if self._adding:
            self.setWindowTitle(self.tr("Add a shop"))
        elif self._shop_only:
            self.setWindowTitle(self.tr("Change the shop"))
        else:
            self.setWindowTitle(self.tr("Welcome to AfterSales Desk"))
        if self.currentPage() is self.summary_page:
            self.summary_page.show_summary(self.first_run_result(), self._tested_shop)

    def done(self, result: int) -> None:
        # A test still on the wire must not answer a wizard that is gone.
        self._tasks.cancel("first_run.test_connection")
        self._tasks.cancel("first_run.keyring")
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()  # the pages hear the change themselves
        super().changeEvent(event)
