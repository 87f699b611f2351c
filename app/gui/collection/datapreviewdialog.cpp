#include "gui/collection/datapreviewdialog.h"

#include "core/collection/dataset.h"
#include "core/base/plural.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

DataPreviewDialog::DataPreviewDialog(const QString &path, const DataSet &data, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Data Set: %1").arg(QFileInfo(path).fileName()));
    const int shown = int(qMin<qsizetype>(data.rows.size(), MaxRows));
    auto *table = new QTableWidget(shown, int(data.columns.size()), this);
    table->setHorizontalHeaderLabels(data.columns);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    for (int row = 0; row < shown; ++row) {
        const QStringList &values = data.rows.at(row);
        for (int column = 0; column < values.size(); ++column)
            table->setItem(row, column, new QTableWidgetItem(values.at(column)));
    }
    const QLocale locale;
    const QString size = tr("%1 row(s) × %2", nullptr, pluralCount(data.rows.size()))
                             .arg(locale.toString(data.rows.size()),
                                 tr("%n column(s)", nullptr, pluralCount(data.columns.size())));
    auto *summary = new QLabel(data.rows.size() > shown
            ? tr("%1; the first %2 are shown. Each row runs every selected request once, its "
                 "columns as {{variables}}.")
                  .arg(size, locale.toString(shown))
            : tr("%1. Each row runs every selected request once, its columns as {{variables}}.")
                  .arg(size),
        this);
    summary->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 30);
}
