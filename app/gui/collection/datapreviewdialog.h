// Shows the first rows of a data set, so users see what each run of their requests will get.
#pragma once

#include <QDialog>

struct DataSet;

class DataPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MaxRows = 500;
    DataPreviewDialog(const QString &path, const DataSet &data, QWidget *parent = nullptr);
};
