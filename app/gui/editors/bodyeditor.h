// Edits a request body in each of its modes: none, raw text, JSON, form fields, multipart, file.
#pragma once

#include "core/model/collection.h"

#include <QWidget>

class KeyValueTable;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableWidget;

class BodyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit BodyEditor(QWidget *parent = nullptr);

    Body body() const;
    /// Shows body without emitting edited().
    void setBody(const Body &body);

Q_SIGNALS:
    void edited();

private:
    QWidget *createTextPage();
    QWidget *createPartsPage();
    QWidget *createFilePage();
    QList<FormPart> parts() const;
    void setParts(const QList<FormPart> &parts);
    void addPart(const FormPart &part);
    void showMode();
    void emitEdited();

    QComboBox *m_mode;
    QStackedWidget *m_pages;
    QLineEdit *m_contentType;
    QPlainTextEdit *m_text;
    KeyValueTable *m_form;
    QTableWidget *m_parts;
    QLineEdit *m_file;
    bool m_updating = false;
};
