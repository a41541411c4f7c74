# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accident_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDialog, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from app.ui.entry_widgets import (CodePicker, DateEdit, TimeEdit)

class Ui_AccidentForm(object):
    def setupUi(self, AccidentForm):
        if not AccidentForm.objectName():
            AccidentForm.setObjectName(u"AccidentForm")
        AccidentForm.resize(1340, 720)
        self.root_layout = QVBoxLayout(AccidentForm)
        self.root_layout.setObjectName(u"root_layout")
        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.scroll = QScrollArea(AccidentForm)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_contents = QWidget()
        self.scroll_contents.setObjectName(u"scroll_contents")
        self.content_layout = QVBoxLayout(self.scroll_contents)
        self.content_layout.setObjectName(u"content_layout")
        self.accident_box = QGroupBox(self.scroll_contents)
        self.accident_box.setObjectName(u"accident_box")
        self.accident_layout = QHBoxLayout(self.accident_box)
        self.accident_layout.setObjectName(u"accident_layout")
        self.accident_left = QFormLayout()
        self.accident_left.setObjectName(u"accident_left")
        self.unit_label = QLabel(self.accident_box)
        self.unit_label.setObjectName(u"unit_label")

        self.accident_left.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit = CodePicker(self.accident_box)
        self.unit.setObjectName(u"unit")

        self.accident_left.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unit)

        self.unit_error = QLabel(self.accident_box)
        self.unit_error.setObjectName(u"unit_error")
        self.unit_error.setText(u"")
        self.unit_error.setWordWrap(True)

        self.accident_left.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unit_error)

        self.occurred_on_label = QLabel(self.accident_box)
        self.occurred_on_label.setObjectName(u"occurred_on_label")

        self.accident_left.setWidget(2, QFormLayout.ItemRole.LabelRole, self.occurred_on_label)

        self.occurred_on = DateEdit(self.accident_box)
        self.occurred_on.setObjectName(u"occurred_on")

        self.accident_left.setWidget(2, QFormLayout.ItemRole.FieldRole, self.occurred_on)

        self.occurred_on_error = QLabel(self.accident_box)
        self.occurred_on_error.setObjectName(u"occurred_on_error")
        self.occurred_on_error.setText(u"")
        self.occurred_on_error.setWordWrap(True)

        self.accident_left.setWidget(3, QFormLayout.ItemRole.FieldRole, self.occurred_on_error)

        self.occurred_time_label = QLabel(self.accident_box)
        self.occurred_time_label.setObjectName(u"occurred_time_label")

        self.accident_left.setWidget(4, QFormLayout.ItemRole.LabelRole, self.occurred_time_label)

        self.occurred_time = TimeEdit(self.accident_box)
        self.occurred_time.setObjectName(u"occurred_time")

        self.accident_left.setWidget(4, QFormLayout.ItemRole.FieldRole, self.occurred_time)

        self.occurred_time_error = QLabel(self.accident_box)
        self.occurred_time_error.setObjectName(u"occurred_time_error")
        self.occurred_time_error.setText(u"")
        self.occurred_time_error.setWordWrap(True)

        self.accident_left.setWidget(5, QFormLayout.ItemRole.FieldRole, self.occurred_time_error)

        self.village_label = QLabel(self.accident_box)
        self.village_label.setObjectName(u"village_label")

        self.accident_left.setWidget(6, QFormLayout.ItemRole.LabelRole, self.village_label)

        self.village = QLineEdit(self.accident_box)
        self.village.setObjectName(u"village")

        self.accident_left.setWidget(6, QFormLayout.ItemRole.FieldRole, self.village)

        self.village_error = QLabel(self.accident_box)
        self.village_error.setObjectName(u"village_error")
        self.village_error.setText(u"")
        self.village_error.setWordWrap(True)

        self.accident_left.setWidget(7, QFormLayout.ItemRole.FieldRole, self.village_error)

        self.place_label = QLabel(self.accident_box)
        self.place_label.setObjectName(u"place_label")

        self.accident_left.setWidget(8, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = CodePicker(self.accident_box)
        self.place.setObjectName(u"place")

        self.accident_left.setWidget(8, QFormLayout.ItemRole.FieldRole, self.place)

        self.place_error = QLabel(self.accident_box)
        self.place_error.setObjectName(u"place_error")
        self.place_error.setText(u"")
        self.place_error.setWordWrap(True)

        self.accident_left.setWidget(9, QFormLayout.ItemRole.FieldRole, self.place_error)

        self.place_detail_label = QLabel(self.accident_box)
        self.place_detail_label.setObjectName(u"place_detail_label")

        self.accident_left.setWidget(10, QFormLayout.ItemRole.LabelRole, self.place_detail_label)

        self.place_detail = QLineEdit(self.accident_box)
        self.place_detail.setObjectName(u"place_detail")

        self.accident_left.setWidget(10, QFormLayout.ItemRole.FieldRole, self.place_detail)

        self.place_detail_error = QLabel(self.accident_box)
        self.place_detail_error.setObjectName(u"place_detail_error")
        self.place_detail_error.setText(u"")
        self.place_detail_error.setWordWrap(True)

        self.accident_left.setWidget(11, QFormLayout.ItemRole.FieldRole, self.place_detail_error)

        self.activity_label = QLabel(self.accident_box)
        self.activity_label.setObjectName(u"activity_label")

        self.accident_left.setWidget(12, QFormLayout.ItemRole.LabelRole, self.activity_label)

        self.activity = CodePicker(self.accident_box)
        self.activity.setObjectName(u"activity")

        self.accident_left.setWidget(12, QFormLayout.ItemRole.FieldRole, self.activity)

        self.activity_error = QLabel(self.accident_box)
        self.activity_error.setObjectName(u"activity_error")
        self.activity_error.setText(u"")
        self.activity_error.setWordWrap(True)

        self.accident_left.setWidget(13, QFormLayout.ItemRole.FieldRole, self.activity_error)

        self.work_label = QLabel(self.accident_box)
        self.work_label.setObjectName(u"work_label")

        self.accident_left.setWidget(14, QFormLayout.ItemRole.LabelRole, self.work_label)

        self.work = QLineEdit(self.accident_box)
        self.work.setObjectName(u"work")

        self.accident_left.setWidget(14, QFormLayout.ItemRole.FieldRole, self.work)

        self.work_error = QLabel(self.accident_box)
        self.work_error.setObjectName(u"work_error")
        self.work_error.setText(u"")
        self.work_error.setWordWrap(True)

        self.accident_left.setWidget(15, QFormLayout.ItemRole.FieldRole, self.work_error)


        self.accident_layout.addLayout(self.accident_left)

        self.accident_right = QFormLayout()
        self.accident_right.setObjectName(u"accident_right")
        self.description_label = QLabel(self.accident_box)
        self.description_label.setObjectName(u"description_label")

        self.accident_right.setWidget(0, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(self.accident_box)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumSize(QSize(16777215, 90))

        self.accident_right.setWidget(0, QFormLayout.ItemRole.FieldRole, self.description)

        self.description_error = QLabel(self.accident_box)
        self.description_error.setObjectName(u"description_error")
        self.description_error.setText(u"")
        self.description_error.setWordWrap(True)

        self.accident_right.setWidget(1, QFormLayout.ItemRole.FieldRole, self.description_error)

        self.factor_label = QLabel(self.accident_box)
        self.factor_label.setObjectName(u"factor_label")

        self.accident_right.setWidget(2, QFormLayout.ItemRole.LabelRole, self.factor_label)

        self.factor = CodePicker(self.accident_box)
        self.factor.setObjectName(u"factor")

        self.accident_right.setWidget(2, QFormLayout.ItemRole.FieldRole, self.factor)

        self.factor_error = QLabel(self.accident_box)
        self.factor_error.setObjectName(u"factor_error")
        self.factor_error.setText(u"")
        self.factor_error.setWordWrap(True)

        self.accident_right.setWidget(3, QFormLayout.ItemRole.FieldRole, self.factor_error)

        self.cause_label = QLabel(self.accident_box)
        self.cause_label.setObjectName(u"cause_label")

        self.accident_right.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cause_label)

        self.cause = CodePicker(self.accident_box)
        self.cause.setObjectName(u"cause")

        self.accident_right.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cause)

        self.cause_error = QLabel(self.accident_box)
        self.cause_error.setObjectName(u"cause_error")
        self.cause_error.setText(u"")
        self.cause_error.setWordWrap(True)

        self.accident_right.setWidget(5, QFormLayout.ItemRole.FieldRole, self.cause_error)

        self.external_cause_label = QLabel(self.accident_box)
        self.external_cause_label.setObjectName(u"external_cause_label")

        self.accident_right.setWidget(6, QFormLayout.ItemRole.LabelRole, self.external_cause_label)

        self.external_cause = CodePicker(self.accident_box)
        self.external_cause.setObjectName(u"external_cause")

        self.accident_right.setWidget(6, QFormLayout.ItemRole.FieldRole, self.external_cause)

        self.external_cause_error = QLabel(self.accident_box)
        self.external_cause_error.setObjectName(u"external_cause_error")
        self.external_cause_error.setText(u"")
        self.external_cause_error.setWordWrap(True)

        self.accident_right.setWidget(7, QFormLayout.ItemRole.FieldRole, self.external_cause_error)


        self.accident_layout.addLayout(self.accident_right)


        self.content_layout.addWidget(self.accident_box)

        self.victims_box = QGroupBox(self.scroll_contents)
        self.victims_box.setObjectName(u"victims_box")
        self.victims_layout = QVBoxLayout(self.victims_box)
        self.victims_layout.setObjectName(u"victims_layout")
        self.victims_top = QHBoxLayout()
        self.victims_top.setObjectName(u"victims_top")
        self.victims_table = QTableWidget(self.victims_box)
        if (self.victims_table.columnCount() < 5):
            self.victims_table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.victims_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.victims_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.victims_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.victims_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.victims_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.victims_table.setObjectName(u"victims_table")
        self.victims_table.setMaximumSize(QSize(16777215, 110))
        self.victims_table.setTabKeyNavigation(False)
        self.victims_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.victims_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.victims_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.victims_top.addWidget(self.victims_table)

        self.victim_buttons = QVBoxLayout()
        self.victim_buttons.setObjectName(u"victim_buttons")
        self.add_victim_button = QPushButton(self.victims_box)
        self.add_victim_button.setObjectName(u"add_victim_button")
        self.add_victim_button.setAutoDefault(False)

        self.victim_buttons.addWidget(self.add_victim_button)

        self.same_as_previous_button = QPushButton(self.victims_box)
        self.same_as_previous_button.setObjectName(u"same_as_previous_button")
        self.same_as_previous_button.setAutoDefault(False)

        self.victim_buttons.addWidget(self.same_as_previous_button)

        self.remove_victim_button = QPushButton(self.victims_box)
        self.remove_victim_button.setObjectName(u"remove_victim_button")
        self.remove_victim_button.setAutoDefault(False)

        self.victim_buttons.addWidget(self.remove_victim_button)

        self.victim_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.victim_buttons.addItem(self.victim_buttons_spacer)


        self.victims_top.addLayout(self.victim_buttons)


        self.victims_layout.addLayout(self.victims_top)

        self.victim_heading = QLabel(self.victims_box)
        self.victim_heading.setObjectName(u"victim_heading")
        self.victim_heading.setText(u"")

        self.victims_layout.addWidget(self.victim_heading)

        self.victim_panel = QHBoxLayout()
        self.victim_panel.setObjectName(u"victim_panel")
        self.victim_column_1 = QFormLayout()
        self.victim_column_1.setObjectName(u"victim_column_1")
        self.victim_name_label = QLabel(self.victims_box)
        self.victim_name_label.setObjectName(u"victim_name_label")

        self.victim_column_1.setWidget(0, QFormLayout.ItemRole.LabelRole, self.victim_name_label)

        self.victim_name = QLineEdit(self.victims_box)
        self.victim_name.setObjectName(u"victim_name")

        self.victim_column_1.setWidget(0, QFormLayout.ItemRole.FieldRole, self.victim_name)

        self.victim_name_error = QLabel(self.victims_box)
        self.victim_name_error.setObjectName(u"victim_name_error")
        self.victim_name_error.setText(u"")
        self.victim_name_error.setWordWrap(True)

        self.victim_column_1.setWidget(1, QFormLayout.ItemRole.FieldRole, self.victim_name_error)

        self.victim_sex_label = QLabel(self.victims_box)
        self.victim_sex_label.setObjectName(u"victim_sex_label")

        self.victim_column_1.setWidget(2, QFormLayout.ItemRole.LabelRole, self.victim_sex_label)

        self.victim_sex = CodePicker(self.victims_box)
        self.victim_sex.setObjectName(u"victim_sex")

        self.victim_column_1.setWidget(2, QFormLayout.ItemRole.FieldRole, self.victim_sex)

        self.victim_sex_error = QLabel(self.victims_box)
        self.victim_sex_error.setObjectName(u"victim_sex_error")
        self.victim_sex_error.setText(u"")
        self.victim_sex_error.setWordWrap(True)

        self.victim_column_1.setWidget(3, QFormLayout.ItemRole.FieldRole, self.victim_sex_error)

        self.victim_birth_year_label = QLabel(self.victims_box)
        self.victim_birth_year_label.setObjectName(u"victim_birth_year_label")

        self.victim_column_1.setWidget(4, QFormLayout.ItemRole.LabelRole, self.victim_birth_year_label)

        self.victim_birth_year = QLineEdit(self.victims_box)
        self.victim_birth_year.setObjectName(u"victim_birth_year")

        self.victim_column_1.setWidget(4, QFormLayout.ItemRole.FieldRole, self.victim_birth_year)

        self.victim_birth_year_error = QLabel(self.victims_box)
        self.victim_birth_year_error.setObjectName(u"victim_birth_year_error")
        self.victim_birth_year_error.setText(u"")
        self.victim_birth_year_error.setWordWrap(True)

        self.victim_column_1.setWidget(5, QFormLayout.ItemRole.FieldRole, self.victim_birth_year_error)

        self.victim_id_number_label = QLabel(self.victims_box)
        self.victim_id_number_label.setObjectName(u"victim_id_number_label")

        self.victim_column_1.setWidget(6, QFormLayout.ItemRole.LabelRole, self.victim_id_number_label)

        self.victim_id_number = QLineEdit(self.victims_box)
        self.victim_id_number.setObjectName(u"victim_id_number")

        self.victim_column_1.setWidget(6, QFormLayout.ItemRole.FieldRole, self.victim_id_number)

        self.victim_id_number_error = QLabel(self.victims_box)
        self.victim_id_number_error.setObjectName(u"victim_id_number_error")
        self.victim_id_number_error.setText(u"")
        self.victim_id_number_error.setWordWrap(True)

        self.victim_column_1.setWidget(7, QFormLayout.ItemRole.FieldRole, self.victim_id_number_error)

        self.victim_birth_date_label = QLabel(self.victims_box)
        self.victim_birth_date_label.setObjectName(u"victim_birth_date_label")

        self.victim_column_1.setWidget(8, QFormLayout.ItemRole.LabelRole, self.victim_birth_date_label)

        self.victim_birth_date = DateEdit(self.victims_box)
        self.victim_birth_date.setObjectName(u"victim_birth_date")

        self.victim_column_1.setWidget(8, QFormLayout.ItemRole.FieldRole, self.victim_birth_date)

        self.victim_birth_date_error = QLabel(self.victims_box)
        self.victim_birth_date_error.setObjectName(u"victim_birth_date_error")
        self.victim_birth_date_error.setText(u"")
        self.victim_birth_date_error.setWordWrap(True)

        self.victim_column_1.setWidget(9, QFormLayout.ItemRole.FieldRole, self.victim_birth_date_error)

        self.victim_phone_label = QLabel(self.victims_box)
        self.victim_phone_label.setObjectName(u"victim_phone_label")

        self.victim_column_1.setWidget(10, QFormLayout.ItemRole.LabelRole, self.victim_phone_label)

        self.victim_phone = QLineEdit(self.victims_box)
        self.victim_phone.setObjectName(u"victim_phone")

        self.victim_column_1.setWidget(10, QFormLayout.ItemRole.FieldRole, self.victim_phone)

        self.victim_phone_error = QLabel(self.victims_box)
        self.victim_phone_error.setObjectName(u"victim_phone_error")
        self.victim_phone_error.setText(u"")
        self.victim_phone_error.setWordWrap(True)

        self.victim_column_1.setWidget(11, QFormLayout.ItemRole.FieldRole, self.victim_phone_error)


        self.victim_panel.addLayout(self.victim_column_1)

        self.victim_column_2 = QFormLayout()
        self.victim_column_2.setObjectName(u"victim_column_2")
        self.victim_occupation_label = QLabel(self.victims_box)
        self.victim_occupation_label.setObjectName(u"victim_occupation_label")

        self.victim_column_2.setWidget(0, QFormLayout.ItemRole.LabelRole, self.victim_occupation_label)

        self.victim_occupation = CodePicker(self.victims_box)
        self.victim_occupation.setObjectName(u"victim_occupation")

        self.victim_column_2.setWidget(0, QFormLayout.ItemRole.FieldRole, self.victim_occupation)

        self.victim_occupation_error = QLabel(self.victims_box)
        self.victim_occupation_error.setObjectName(u"victim_occupation_error")
        self.victim_occupation_error.setText(u"")
        self.victim_occupation_error.setWordWrap(True)

        self.victim_column_2.setWidget(1, QFormLayout.ItemRole.FieldRole, self.victim_occupation_error)

        self.victim_ethnicity_label = QLabel(self.victims_box)
        self.victim_ethnicity_label.setObjectName(u"victim_ethnicity_label")

        self.victim_column_2.setWidget(2, QFormLayout.ItemRole.LabelRole, self.victim_ethnicity_label)

        self.victim_ethnicity = CodePicker(self.victims_box)
        self.victim_ethnicity.setObjectName(u"victim_ethnicity")

        self.victim_column_2.setWidget(2, QFormLayout.ItemRole.FieldRole, self.victim_ethnicity)

        self.victim_ethnicity_error = QLabel(self.victims_box)
        self.victim_ethnicity_error.setObjectName(u"victim_ethnicity_error")
        self.victim_ethnicity_error.setText(u"")
        self.victim_ethnicity_error.setWordWrap(True)

        self.victim_column_2.setWidget(3, QFormLayout.ItemRole.FieldRole, self.victim_ethnicity_error)

        self.victim_residence_label = QLabel(self.victims_box)
        self.victim_residence_label.setObjectName(u"victim_residence_label")

        self.victim_column_2.setWidget(4, QFormLayout.ItemRole.LabelRole, self.victim_residence_label)

        self.victim_residence = CodePicker(self.victims_box)
        self.victim_residence.setObjectName(u"victim_residence")

        self.victim_column_2.setWidget(4, QFormLayout.ItemRole.FieldRole, self.victim_residence)

        self.victim_residence_error = QLabel(self.victims_box)
        self.victim_residence_error.setObjectName(u"victim_residence_error")
        self.victim_residence_error.setText(u"")
        self.victim_residence_error.setWordWrap(True)

        self.victim_column_2.setWidget(5, QFormLayout.ItemRole.FieldRole, self.victim_residence_error)

        self.victim_residence_detail_label = QLabel(self.victims_box)
        self.victim_residence_detail_label.setObjectName(u"victim_residence_detail_label")

        self.victim_column_2.setWidget(6, QFormLayout.ItemRole.LabelRole, self.victim_residence_detail_label)

        self.victim_residence_detail = QLineEdit(self.victims_box)
        self.victim_residence_detail.setObjectName(u"victim_residence_detail")

        self.victim_column_2.setWidget(6, QFormLayout.ItemRole.FieldRole, self.victim_residence_detail)

        self.victim_residence_detail_error = QLabel(self.victims_box)
        self.victim_residence_detail_error.setObjectName(u"victim_residence_detail_error")
        self.victim_residence_detail_error.setText(u"")
        self.victim_residence_detail_error.setWordWrap(True)

        self.victim_column_2.setWidget(7, QFormLayout.ItemRole.FieldRole, self.victim_residence_detail_error)


        self.victim_panel.addLayout(self.victim_column_2)

        self.victim_column_3 = QFormLayout()
        self.victim_column_3.setObjectName(u"victim_column_3")
        self.victim_severity_label = QLabel(self.victims_box)
        self.victim_severity_label.setObjectName(u"victim_severity_label")

        self.victim_column_3.setWidget(0, QFormLayout.ItemRole.LabelRole, self.victim_severity_label)

        self.victim_severity = CodePicker(self.victims_box)
        self.victim_severity.setObjectName(u"victim_severity")

        self.victim_column_3.setWidget(0, QFormLayout.ItemRole.FieldRole, self.victim_severity)

        self.victim_severity_error = QLabel(self.victims_box)
        self.victim_severity_error.setObjectName(u"victim_severity_error")
        self.victim_severity_error.setText(u"")
        self.victim_severity_error.setWordWrap(True)

        self.victim_column_3.setWidget(1, QFormLayout.ItemRole.FieldRole, self.victim_severity_error)

        self.victim_injury_type_label = QLabel(self.victims_box)
        self.victim_injury_type_label.setObjectName(u"victim_injury_type_label")

        self.victim_column_3.setWidget(2, QFormLayout.ItemRole.LabelRole, self.victim_injury_type_label)

        self.victim_injury_type = CodePicker(self.victims_box)
        self.victim_injury_type.setObjectName(u"victim_injury_type")

        self.victim_column_3.setWidget(2, QFormLayout.ItemRole.FieldRole, self.victim_injury_type)

        self.victim_injury_type_error = QLabel(self.victims_box)
        self.victim_injury_type_error.setObjectName(u"victim_injury_type_error")
        self.victim_injury_type_error.setText(u"")
        self.victim_injury_type_error.setWordWrap(True)

        self.victim_column_3.setWidget(3, QFormLayout.ItemRole.FieldRole, self.victim_injury_type_error)

        self.victim_body_part_label = QLabel(self.victims_box)
        self.victim_body_part_label.setObjectName(u"victim_body_part_label")

        self.victim_column_3.setWidget(4, QFormLayout.ItemRole.LabelRole, self.victim_body_part_label)

        self.victim_body_part = CodePicker(self.victims_box)
        self.victim_body_part.setObjectName(u"victim_body_part")

        self.victim_column_3.setWidget(4, QFormLayout.ItemRole.FieldRole, self.victim_body_part)

        self.victim_body_part_error = QLabel(self.victims_box)
        self.victim_body_part_error.setObjectName(u"victim_body_part_error")
        self.victim_body_part_error.setText(u"")
        self.victim_body_part_error.setWordWrap(True)

        self.victim_column_3.setWidget(5, QFormLayout.ItemRole.FieldRole, self.victim_body_part_error)

        self.victim_injury_nature_label = QLabel(self.victims_box)
        self.victim_injury_nature_label.setObjectName(u"victim_injury_nature_label")

        self.victim_column_3.setWidget(6, QFormLayout.ItemRole.LabelRole, self.victim_injury_nature_label)

        self.victim_injury_nature = CodePicker(self.victims_box)
        self.victim_injury_nature.setObjectName(u"victim_injury_nature")

        self.victim_column_3.setWidget(6, QFormLayout.ItemRole.FieldRole, self.victim_injury_nature)

        self.victim_injury_nature_error = QLabel(self.victims_box)
        self.victim_injury_nature_error.setObjectName(u"victim_injury_nature_error")
        self.victim_injury_nature_error.setText(u"")
        self.victim_injury_nature_error.setWordWrap(True)

        self.victim_column_3.setWidget(7, QFormLayout.ItemRole.FieldRole, self.victim_injury_nature_error)

        self.victim_serious_injuries_label = QLabel(self.victims_box)
        self.victim_serious_injuries_label.setObjectName(u"victim_serious_injuries_label")

        self.victim_column_3.setWidget(8, QFormLayout.ItemRole.LabelRole, self.victim_serious_injuries_label)

        self.victim_serious_injuries = QLineEdit(self.victims_box)
        self.victim_serious_injuries.setObjectName(u"victim_serious_injuries")

        self.victim_column_3.setWidget(8, QFormLayout.ItemRole.FieldRole, self.victim_serious_injuries)

        self.victim_serious_injuries_error = QLabel(self.victims_box)
        self.victim_serious_injuries_error.setObjectName(u"victim_serious_injuries_error")
        self.victim_serious_injuries_error.setText(u"")
        self.victim_serious_injuries_error.setWordWrap(True)

        self.victim_column_3.setWidget(9, QFormLayout.ItemRole.FieldRole, self.victim_serious_injuries_error)


        self.victim_panel.addLayout(self.victim_column_3)

        self.victim_column_4 = QFormLayout()
        self.victim_column_4.setObjectName(u"victim_column_4")
        self.victim_died_on_label = QLabel(self.victims_box)
        self.victim_died_on_label.setObjectName(u"victim_died_on_label")

        self.victim_column_4.setWidget(0, QFormLayout.ItemRole.LabelRole, self.victim_died_on_label)

        self.victim_died_on = DateEdit(self.victims_box)
        self.victim_died_on.setObjectName(u"victim_died_on")

        self.victim_column_4.setWidget(0, QFormLayout.ItemRole.FieldRole, self.victim_died_on)

        self.victim_died_on_error = QLabel(self.victims_box)
        self.victim_died_on_error.setObjectName(u"victim_died_on_error")
        self.victim_died_on_error.setText(u"")
        self.victim_died_on_error.setWordWrap(True)

        self.victim_column_4.setWidget(1, QFormLayout.ItemRole.FieldRole, self.victim_died_on_error)

        self.victim_outcome_label = QLabel(self.victims_box)
        self.victim_outcome_label.setObjectName(u"victim_outcome_label")

        self.victim_column_4.setWidget(2, QFormLayout.ItemRole.LabelRole, self.victim_outcome_label)

        self.victim_outcome = CodePicker(self.victims_box)
        self.victim_outcome.setObjectName(u"victim_outcome")

        self.victim_column_4.setWidget(2, QFormLayout.ItemRole.FieldRole, self.victim_outcome)

        self.victim_outcome_error = QLabel(self.victims_box)
        self.victim_outcome_error.setObjectName(u"victim_outcome_error")
        self.victim_outcome_error.setText(u"")
        self.victim_outcome_error.setWordWrap(True)

        self.victim_column_4.setWidget(3, QFormLayout.ItemRole.FieldRole, self.victim_outcome_error)

        self.victim_days_off_label = QLabel(self.victims_box)
        self.victim_days_off_label.setObjectName(u"victim_days_off_label")

        self.victim_column_4.setWidget(4, QFormLayout.ItemRole.LabelRole, self.victim_days_off_label)

        self.victim_days_off = QLineEdit(self.victims_box)
        self.victim_days_off.setObjectName(u"victim_days_off")

        self.victim_column_4.setWidget(4, QFormLayout.ItemRole.FieldRole, self.victim_days_off)

        self.victim_days_off_error = QLabel(self.victims_box)
        self.victim_days_off_error.setObjectName(u"victim_days_off_error")
        self.victim_days_off_error.setText(u"")
        self.victim_days_off_error.setWordWrap(True)

        self.victim_column_4.setWidget(5, QFormLayout.ItemRole.FieldRole, self.victim_days_off_error)

        self.victim_cost_kvnd_label = QLabel(self.victims_box)
        self.victim_cost_kvnd_label.setObjectName(u"victim_cost_kvnd_label")

        self.victim_column_4.setWidget(6, QFormLayout.ItemRole.LabelRole, self.victim_cost_kvnd_label)

        self.victim_cost_kvnd = QLineEdit(self.victims_box)
        self.victim_cost_kvnd.setObjectName(u"victim_cost_kvnd")

        self.victim_column_4.setWidget(6, QFormLayout.ItemRole.FieldRole, self.victim_cost_kvnd)

        self.victim_cost_kvnd_error = QLabel(self.victims_box)
        self.victim_cost_kvnd_error.setObjectName(u"victim_cost_kvnd_error")
        self.victim_cost_kvnd_error.setText(u"")
        self.victim_cost_kvnd_error.setWordWrap(True)

        self.victim_column_4.setWidget(7, QFormLayout.ItemRole.FieldRole, self.victim_cost_kvnd_error)

        self.victim_insured = QCheckBox(self.victims_box)
        self.victim_insured.setObjectName(u"victim_insured")

        self.victim_column_4.setWidget(8, QFormLayout.ItemRole.FieldRole, self.victim_insured)

        self.victim_insured_error = QLabel(self.victims_box)
        self.victim_insured_error.setObjectName(u"victim_insured_error")
        self.victim_insured_error.setText(u"")
        self.victim_insured_error.setWordWrap(True)

        self.victim_column_4.setWidget(9, QFormLayout.ItemRole.FieldRole, self.victim_insured_error)

        self.victim_disability = QCheckBox(self.victims_box)
        self.victim_disability.setObjectName(u"victim_disability")

        self.victim_column_4.setWidget(10, QFormLayout.ItemRole.FieldRole, self.victim_disability)

        self.victim_disability_error = QLabel(self.victims_box)
        self.victim_disability_error.setObjectName(u"victim_disability_error")
        self.victim_disability_error.setText(u"")
        self.victim_disability_error.setWordWrap(True)

        self.victim_column_4.setWidget(11, QFormLayout.ItemRole.FieldRole, self.victim_disability_error)


        self.victim_panel.addLayout(self.victim_column_4)


        self.victims_layout.addLayout(self.victim_panel)


        self.content_layout.addWidget(self.victims_box)

        self.declaration_box = QGroupBox(self.scroll_contents)
        self.declaration_box.setObjectName(u"declaration_box")
        self.declaration_layout = QHBoxLayout(self.declaration_box)
        self.declaration_layout.setObjectName(u"declaration_layout")
        self.declaration_left = QFormLayout()
        self.declaration_left.setObjectName(u"declaration_left")
        self.source_label = QLabel(self.declaration_box)
        self.source_label.setObjectName(u"source_label")

        self.declaration_left.setWidget(0, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source = CodePicker(self.declaration_box)
        self.source.setObjectName(u"source")

        self.declaration_left.setWidget(0, QFormLayout.ItemRole.FieldRole, self.source)

        self.source_error = QLabel(self.declaration_box)
        self.source_error.setObjectName(u"source_error")
        self.source_error.setText(u"")
        self.source_error.setWordWrap(True)

        self.declaration_left.setWidget(1, QFormLayout.ItemRole.FieldRole, self.source_error)

        self.declared_on_label = QLabel(self.declaration_box)
        self.declared_on_label.setObjectName(u"declared_on_label")

        self.declaration_left.setWidget(2, QFormLayout.ItemRole.LabelRole, self.declared_on_label)

        self.declared_on = DateEdit(self.declaration_box)
        self.declared_on.setObjectName(u"declared_on")

        self.declaration_left.setWidget(2, QFormLayout.ItemRole.FieldRole, self.declared_on)

        self.declared_on_error = QLabel(self.declaration_box)
        self.declared_on_error.setObjectName(u"declared_on_error")
        self.declared_on_error.setText(u"")
        self.declared_on_error.setWordWrap(True)

        self.declaration_left.setWidget(3, QFormLayout.ItemRole.FieldRole, self.declared_on_error)

        self.declared_by_label = QLabel(self.declaration_box)
        self.declared_by_label.setObjectName(u"declared_by_label")

        self.declaration_left.setWidget(4, QFormLayout.ItemRole.LabelRole, self.declared_by_label)

        self.declared_by = QLineEdit(self.declaration_box)
        self.declared_by.setObjectName(u"declared_by")

        self.declaration_left.setWidget(4, QFormLayout.ItemRole.FieldRole, self.declared_by)

        self.declared_by_error = QLabel(self.declaration_box)
        self.declared_by_error.setObjectName(u"declared_by_error")
        self.declared_by_error.setText(u"")
        self.declared_by_error.setWordWrap(True)

        self.declaration_left.setWidget(5, QFormLayout.ItemRole.FieldRole, self.declared_by_error)


        self.declaration_layout.addLayout(self.declaration_left)

        self.declaration_right = QFormLayout()
        self.declaration_right.setObjectName(u"declaration_right")
        self.record_ref_label = QLabel(self.declaration_box)
        self.record_ref_label.setObjectName(u"record_ref_label")

        self.declaration_right.setWidget(0, QFormLayout.ItemRole.LabelRole, self.record_ref_label)

        self.record_ref = QLineEdit(self.declaration_box)
        self.record_ref.setObjectName(u"record_ref")

        self.declaration_right.setWidget(0, QFormLayout.ItemRole.FieldRole, self.record_ref)

        self.record_ref_error = QLabel(self.declaration_box)
        self.record_ref_error.setObjectName(u"record_ref_error")
        self.record_ref_error.setText(u"")
        self.record_ref_error.setWordWrap(True)

        self.declaration_right.setWidget(1, QFormLayout.ItemRole.FieldRole, self.record_ref_error)

        self.posted_on_label = QLabel(self.declaration_box)
        self.posted_on_label.setObjectName(u"posted_on_label")

        self.declaration_right.setWidget(2, QFormLayout.ItemRole.LabelRole, self.posted_on_label)

        self.posted_on = DateEdit(self.declaration_box)
        self.posted_on.setObjectName(u"posted_on")

        self.declaration_right.setWidget(2, QFormLayout.ItemRole.FieldRole, self.posted_on)

        self.posted_on_error = QLabel(self.declaration_box)
        self.posted_on_error.setObjectName(u"posted_on_error")
        self.posted_on_error.setText(u"")
        self.posted_on_error.setWordWrap(True)

        self.declaration_right.setWidget(3, QFormLayout.ItemRole.FieldRole, self.posted_on_error)

        self.commuting = QCheckBox(self.declaration_box)
        self.commuting.setObjectName(u"commuting")

        self.declaration_right.setWidget(4, QFormLayout.ItemRole.FieldRole, self.commuting)

        self.commuting_error = QLabel(self.declaration_box)
        self.commuting_error.setObjectName(u"commuting_error")
        self.commuting_error.setText(u"")
        self.commuting_error.setWordWrap(True)

        self.declaration_right.setWidget(5, QFormLayout.ItemRole.FieldRole, self.commuting_error)

        self.at_employer_premises_label = QLabel(self.declaration_box)
        self.at_employer_premises_label.setObjectName(u"at_employer_premises_label")

        self.declaration_right.setWidget(6, QFormLayout.ItemRole.LabelRole, self.at_employer_premises_label)

        self.at_employer_premises = QComboBox(self.declaration_box)
        self.at_employer_premises.addItem("")
        self.at_employer_premises.addItem("")
        self.at_employer_premises.addItem("")
        self.at_employer_premises.setObjectName(u"at_employer_premises")

        self.declaration_right.setWidget(6, QFormLayout.ItemRole.FieldRole, self.at_employer_premises)

        self.at_employer_premises_error = QLabel(self.declaration_box)
        self.at_employer_premises_error.setObjectName(u"at_employer_premises_error")
        self.at_employer_premises_error.setText(u"")
        self.at_employer_premises_error.setWordWrap(True)

        self.declaration_right.setWidget(7, QFormLayout.ItemRole.FieldRole, self.at_employer_premises_error)

        self.confirmed = QCheckBox(self.declaration_box)
        self.confirmed.setObjectName(u"confirmed")

        self.declaration_right.setWidget(8, QFormLayout.ItemRole.FieldRole, self.confirmed)

        self.confirmed_error = QLabel(self.declaration_box)
        self.confirmed_error.setObjectName(u"confirmed_error")
        self.confirmed_error.setText(u"")
        self.confirmed_error.setWordWrap(True)

        self.declaration_right.setWidget(9, QFormLayout.ItemRole.FieldRole, self.confirmed_error)


        self.declaration_layout.addLayout(self.declaration_right)


        self.content_layout.addWidget(self.declaration_box)

        self.scroll.setWidget(self.scroll_contents)

        self.body_layout.addWidget(self.scroll)

        self.side_layout = QVBoxLayout()
        self.side_layout.setObjectName(u"side_layout")
        self.issues_title = QLabel(AccidentForm)
        self.issues_title.setObjectName(u"issues_title")

        self.side_layout.addWidget(self.issues_title)

        self.issues_list = QListWidget(AccidentForm)
        self.issues_list.setObjectName(u"issues_list")

        self.side_layout.addWidget(self.issues_list)

        self.duplicates_box = QGroupBox(AccidentForm)
        self.duplicates_box.setObjectName(u"duplicates_box")
        self.duplicates_layout = QVBoxLayout(self.duplicates_box)
        self.duplicates_layout.setObjectName(u"duplicates_layout")
        self.duplicates_note = QLabel(self.duplicates_box)
        self.duplicates_note.setObjectName(u"duplicates_note")
        self.duplicates_note.setWordWrap(True)

        self.duplicates_layout.addWidget(self.duplicates_note)

        self.duplicates_list = QListWidget(self.duplicates_box)
        self.duplicates_list.setObjectName(u"duplicates_list")

        self.duplicates_layout.addWidget(self.duplicates_list)


        self.side_layout.addWidget(self.duplicates_box)

        self.state_label = QLabel(AccidentForm)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setWordWrap(True)
        self.state_label.setText(u"")

        self.side_layout.addWidget(self.state_label)


        self.body_layout.addLayout(self.side_layout)

        self.body_layout.setStretch(0, 4)
        self.body_layout.setStretch(1, 1)

        self.root_layout.addLayout(self.body_layout)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.new_button = QPushButton(AccidentForm)
        self.new_button.setObjectName(u"new_button")
        self.new_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.new_button)

        self.history_button = QPushButton(AccidentForm)
        self.history_button.setObjectName(u"history_button")
        self.history_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.history_button)

        self.void_button = QPushButton(AccidentForm)
        self.void_button.setObjectName(u"void_button")
        self.void_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.void_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.save_button = QPushButton(AccidentForm)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.save_button)

        self.close_button = QPushButton(AccidentForm)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.close_button)


        self.root_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.unit_label.setBuddy(self.unit)
        self.occurred_on_label.setBuddy(self.occurred_on)
        self.occurred_time_label.setBuddy(self.occurred_time)
        self.village_label.setBuddy(self.village)
        self.place_label.setBuddy(self.place)
        self.place_detail_label.setBuddy(self.place_detail)
        self.activity_label.setBuddy(self.activity)
        self.work_label.setBuddy(self.work)
        self.description_label.setBuddy(self.description)
        self.factor_label.setBuddy(self.factor)
        self.cause_label.setBuddy(self.cause)
        self.external_cause_label.setBuddy(self.external_cause)
        self.victim_name_label.setBuddy(self.victim_name)
        self.victim_sex_label.setBuddy(self.victim_sex)
        self.victim_birth_year_label.setBuddy(self.victim_birth_year)
        self.victim_id_number_label.setBuddy(self.victim_id_number)
        self.victim_birth_date_label.setBuddy(self.victim_birth_date)
        self.victim_phone_label.setBuddy(self.victim_phone)
        self.victim_occupation_label.setBuddy(self.victim_occupation)
        self.victim_ethnicity_label.setBuddy(self.victim_ethnicity)
        self.victim_residence_label.setBuddy(self.victim_residence)
        self.victim_residence_detail_label.setBuddy(self.victim_residence_detail)
        self.victim_severity_label.setBuddy(self.victim_severity)
        self.victim_injury_type_label.setBuddy(self.victim_injury_type)
        self.victim_body_part_label.setBuddy(self.victim_body_part)
        self.victim_injury_nature_label.setBuddy(self.victim_injury_nature)
        self.victim_serious_injuries_label.setBuddy(self.victim_serious_injuries)
        self.victim_died_on_label.setBuddy(self.victim_died_on)
        self.victim_outcome_label.setBuddy(self.victim_outcome)
        self.victim_days_off_label.setBuddy(self.victim_days_off)
        self.victim_cost_kvnd_label.setBuddy(self.victim_cost_kvnd)
        self.source_label.setBuddy(self.source)
        self.declared_on_label.setBuddy(self.declared_on)
        self.declared_by_label.setBuddy(self.declared_by)
        self.record_ref_label.setBuddy(self.record_ref)
        self.posted_on_label.setBuddy(self.posted_on)
        self.at_employer_premises_label.setBuddy(self.at_employer_premises)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.unit, self.occurred_on)
        QWidget.setTabOrder(self.occurred_on, self.occurred_time)
        QWidget.setTabOrder(self.occurred_time, self.village)
        QWidget.setTabOrder(self.village, self.place)
        QWidget.setTabOrder(self.place, self.place_detail)
        QWidget.setTabOrder(self.place_detail, self.activity)
        QWidget.setTabOrder(self.activity, self.work)
        QWidget.setTabOrder(self.work, self.description)
        QWidget.setTabOrder(self.description, self.factor)
        QWidget.setTabOrder(self.factor, self.cause)
        QWidget.setTabOrder(self.cause, self.external_cause)
        QWidget.setTabOrder(self.external_cause, self.victim_name)
        QWidget.setTabOrder(self.victim_name, self.victim_sex)
        QWidget.setTabOrder(self.victim_sex, self.victim_birth_year)
        QWidget.setTabOrder(self.victim_birth_year, self.victim_id_number)
        QWidget.setTabOrder(self.victim_id_number, self.victim_birth_date)
        QWidget.setTabOrder(self.victim_birth_date, self.victim_phone)
        QWidget.setTabOrder(self.victim_phone, self.victim_occupation)
        QWidget.setTabOrder(self.victim_occupation, self.victim_ethnicity)
        QWidget.setTabOrder(self.victim_ethnicity, self.victim_residence)
        QWidget.setTabOrder(self.victim_residence, self.victim_residence_detail)
        QWidget.setTabOrder(self.victim_residence_detail, self.victim_severity)
        QWidget.setTabOrder(self.victim_severity, self.victim_injury_type)
        QWidget.setTabOrder(self.victim_injury_type, self.victim_body_part)
        QWidget.setTabOrder(self.victim_body_part, self.victim_injury_nature)
        QWidget.setTabOrder(self.victim_injury_nature, self.victim_serious_injuries)
        QWidget.setTabOrder(self.victim_serious_injuries, self.victim_died_on)
        QWidget.setTabOrder(self.victim_died_on, self.victim_outcome)
        QWidget.setTabOrder(self.victim_outcome, self.victim_days_off)
        QWidget.setTabOrder(self.victim_days_off, self.victim_cost_kvnd)
        QWidget.setTabOrder(self.victim_cost_kvnd, self.victim_insured)
        QWidget.setTabOrder(self.victim_insured, self.victim_disability)
        QWidget.setTabOrder(self.victim_disability, self.add_victim_button)
        QWidget.setTabOrder(self.add_victim_button, self.same_as_previous_button)
        QWidget.setTabOrder(self.same_as_previous_button, self.remove_victim_button)
        QWidget.setTabOrder(self.remove_victim_button, self.victims_table)
        QWidget.setTabOrder(self.victims_table, self.source)
        QWidget.setTabOrder(self.source, self.declared_on)
        QWidget.setTabOrder(self.declared_on, self.declared_by)
        QWidget.setTabOrder(self.declared_by, self.record_ref)
        QWidget.setTabOrder(self.record_ref, self.posted_on)
        QWidget.setTabOrder(self.posted_on, self.commuting)
        QWidget.setTabOrder(self.commuting, self.at_employer_premises)
        QWidget.setTabOrder(self.at_employer_premises, self.confirmed)
        QWidget.setTabOrder(self.confirmed, self.issues_list)
        QWidget.setTabOrder(self.issues_list, self.duplicates_list)
        QWidget.setTabOrder(self.duplicates_list, self.new_button)
        QWidget.setTabOrder(self.new_button, self.history_button)
        QWidget.setTabOrder(self.history_button, self.void_button)
        QWidget.setTabOrder(self.void_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.close_button)

        self.retranslateUi(AccidentForm)

        QMetaObject.connectSlotsByName(AccidentForm)
    # setupUi

    def retranslateUi(self, AccidentForm):
        AccidentForm.setWindowTitle(QCoreApplication.translate("AccidentForm", u"Accident", None))
        self.accident_box.setTitle(QCoreApplication.translate("AccidentForm", u"Accident", None))
        self.unit_label.setText(QCoreApplication.translate("AccidentForm", u"Commune", None))
        self.occurred_on_label.setText(QCoreApplication.translate("AccidentForm", u"Date of the accident", None))
        self.occurred_time_label.setText(QCoreApplication.translate("AccidentForm", u"Time", None))
        self.village_label.setText(QCoreApplication.translate("AccidentForm", u"Village", None))
        self.place_label.setText(QCoreApplication.translate("AccidentForm", u"Place", None))
        self.place_detail_label.setText(QCoreApplication.translate("AccidentForm", u"Place, details", None))
        self.activity_label.setText(QCoreApplication.translate("AccidentForm", u"Activity", None))
        self.work_label.setText(QCoreApplication.translate("AccidentForm", u"Work being done", None))
        self.description_label.setText(QCoreApplication.translate("AccidentForm", u"What happened", None))
        self.factor_label.setText(QCoreApplication.translate("AccidentForm", u"Injury factor", None))
        self.cause_label.setText(QCoreApplication.translate("AccidentForm", u"Cause", None))
        self.external_cause_label.setText(QCoreApplication.translate("AccidentForm", u"External cause", None))
        self.victims_box.setTitle(QCoreApplication.translate("AccidentForm", u"Victims", None))
        ___qtablewidgetitem = self.victims_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("AccidentForm", u"No.", None))
        ___qtablewidgetitem1 = self.victims_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("AccidentForm", u"Full name", None))
        ___qtablewidgetitem2 = self.victims_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("AccidentForm", u"Sex", None))
        ___qtablewidgetitem3 = self.victims_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("AccidentForm", u"Year of birth", None))
        ___qtablewidgetitem4 = self.victims_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("AccidentForm", u"Severity", None))
        self.add_victim_button.setText(QCoreApplication.translate("AccidentForm", u"&Add victim (Ctrl+T)", None))
        self.same_as_previous_button.setText(QCoreApplication.translate("AccidentForm", u"Same address and occupation as the previous victim (Ctrl+D)", None))
        self.remove_victim_button.setText(QCoreApplication.translate("AccidentForm", u"Remove victim", None))
        self.victim_name_label.setText(QCoreApplication.translate("AccidentForm", u"Full name", None))
        self.victim_sex_label.setText(QCoreApplication.translate("AccidentForm", u"Sex", None))
        self.victim_birth_year_label.setText(QCoreApplication.translate("AccidentForm", u"Year of birth", None))
        self.victim_id_number_label.setText(QCoreApplication.translate("AccidentForm", u"ID number", None))
        self.victim_birth_date_label.setText(QCoreApplication.translate("AccidentForm", u"Date of birth", None))
        self.victim_phone_label.setText(QCoreApplication.translate("AccidentForm", u"Phone", None))
        self.victim_occupation_label.setText(QCoreApplication.translate("AccidentForm", u"Occupation", None))
        self.victim_ethnicity_label.setText(QCoreApplication.translate("AccidentForm", u"Ethnicity", None))
        self.victim_residence_label.setText(QCoreApplication.translate("AccidentForm", u"Commune of residence", None))
        self.victim_residence_detail_label.setText(QCoreApplication.translate("AccidentForm", u"Address", None))
        self.victim_severity_label.setText(QCoreApplication.translate("AccidentForm", u"Severity", None))
        self.victim_injury_type_label.setText(QCoreApplication.translate("AccidentForm", u"Injury type", None))
        self.victim_body_part_label.setText(QCoreApplication.translate("AccidentForm", u"Body part", None))
        self.victim_injury_nature_label.setText(QCoreApplication.translate("AccidentForm", u"Nature of injury", None))
        self.victim_serious_injuries_label.setText(QCoreApplication.translate("AccidentForm", u"Serious injuries (codes)", None))
        self.victim_died_on_label.setText(QCoreApplication.translate("AccidentForm", u"Died on", None))
        self.victim_outcome_label.setText(QCoreApplication.translate("AccidentForm", u"Outcome", None))
        self.victim_days_off_label.setText(QCoreApplication.translate("AccidentForm", u"Days off work", None))
        self.victim_cost_kvnd_label.setText(QCoreApplication.translate("AccidentForm", u"Cost (thousand dong)", None))
        self.victim_insured.setText(QCoreApplication.translate("AccidentForm", u"Insured", None))
        self.victim_disability.setText(QCoreApplication.translate("AccidentForm", u"Disability", None))
        self.declaration_box.setTitle(QCoreApplication.translate("AccidentForm", u"Declaration and notice", None))
        self.source_label.setText(QCoreApplication.translate("AccidentForm", u"Reported by", None))
        self.declared_on_label.setText(QCoreApplication.translate("AccidentForm", u"Declared on", None))
        self.declared_by_label.setText(QCoreApplication.translate("AccidentForm", u"Declared by (name)", None))
        self.record_ref_label.setText(QCoreApplication.translate("AccidentForm", u"Record number", None))
        self.posted_on_label.setText(QCoreApplication.translate("AccidentForm", u"Notice posted on", None))
        self.commuting.setText(QCoreApplication.translate("AccidentForm", u"On the way to or from work", None))
        self.at_employer_premises_label.setText(QCoreApplication.translate("AccidentForm", u"At a place an employer manages", None))
        self.at_employer_premises.setItemText(0, QCoreApplication.translate("AccidentForm", u"Not known", None))
        self.at_employer_premises.setItemText(1, QCoreApplication.translate("AccidentForm", u"Yes", None))
        self.at_employer_premises.setItemText(2, QCoreApplication.translate("AccidentForm", u"No", None))

        self.confirmed.setText(QCoreApplication.translate("AccidentForm", u"Details confirmed", None))
        self.issues_title.setText(QCoreApplication.translate("AccidentForm", u"Problems to fix", None))
        self.duplicates_box.setTitle(QCoreApplication.translate("AccidentForm", u"Reported before?", None))
        self.duplicates_note.setText(QCoreApplication.translate("AccidentForm", u"An earlier report may be of the same person:", None))
        self.new_button.setText(QCoreApplication.translate("AccidentForm", u"New (Ctrl+N)", None))
        self.history_button.setText(QCoreApplication.translate("AccidentForm", u"History", None))
        self.void_button.setText(QCoreApplication.translate("AccidentForm", u"Void\u2026", None))
        self.save_button.setText(QCoreApplication.translate("AccidentForm", u"&Save (Ctrl+S)", None))
        self.close_button.setText(QCoreApplication.translate("AccidentForm", u"Close", None))
    # retranslateUi

