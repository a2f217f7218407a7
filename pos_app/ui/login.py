"""Login by staff code and PIN; the language switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from pos_app.core.staff import Operator
from pos_app.ui.context import Context
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.operations import Op
from pos_app.ui.operations import staff as staff_ops
from pos_app.ui.screen import Screen, Shell
from pos_app.ui.widgets import button, role_label, set_message, title


class LoginScreen(Screen):
    name = "login"
    label = N_("Log in")
    role = None
    title_text = N_("Log in")

    @classmethod
    def make(cls, ctx: Context, shell: Shell) -> LoginScreen:
        return cls(ctx, shell.logged_in, shell.set_language)

    def __init__(
        self,
        ctx: Context,
        on_login: Callable[[Operator, str], None],
        on_language: Callable[[str], None],
    ) -> None:
        super().__init__(ctx)
        self.on_login = on_login
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(560)
        lay = QVBoxLayout(box)
        ident = ctx.terminal.identity
        lay.addWidget(title(_("Store terminal")))
        lay.addWidget(role_label("card", _("Store %1 · terminal %2")
                                 .replace("%1", ident.store).replace("%2", ident.terminal)))
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("staff_code")
        self.code.setPlaceholderText(_("e.g. 1001"))
        self.pin = QLineEdit()
        self.pin.setObjectName("staff_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Staff code"), self.code)
        form.addRow(_("PIN"), self.pin)
        lay.addLayout(form)
        self.message = role_label("error")
        lay.addWidget(self.message)
        self.login_button = button(_("Log in"), "Enter", accent=True)
        self.login_button.setObjectName("login_button")
        self.login_button.clicked.connect(self.submit)
        lay.addWidget(self.login_button)
        langs = QHBoxLayout()
        self.zh = button("中文")
        self.en = button("English")
        self.zh.clicked.connect(lambda: on_language("zh_CN"))
        self.en.clicked.connect(lambda: on_language("en"))
        langs.addWidget(self.zh)
        langs.addWidget(self.en)
        lay.addLayout(langs)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.code.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)

    def on_show(self) -> None:
        self.pin.clear()
        self.code.setFocus()

    def submit(self) -> None:
        code, pin = self.code.text().strip(), self.pin.text()
        if not code or not pin:
            set_message(self.message, _("Enter your staff code and PIN"))
            return
        t = self.ctx.terminal
        self.login_button.setEnabled(False)

        def done(res: tuple[Operator, str]) -> None:
            self.login_button.setEnabled(True)
            self.message.clear()
            self.pin.clear()
            self.on_login(*res)

        def failed(e: Exception) -> None:
            self.login_button.setEnabled(True)
            self.pin.clear()
            set_message(self.message, e)

        Op(self.ctx, staff_ops.log_in, t, code, pin).success(done).failure(failed).run()
