// Admins: the tip-off categories (name, handling department, deadline, public over Open311, in use) and, per
// category, the 镇区 whose tips go to another department than the category's own.
import { useState } from "react";
import { App, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch, apiPost, apiRequest } from "../../api/client";
import { townName, useDepartments, useTowns } from "../../api/reference";
import type { ApiBody, ApiResponse, ItemOf } from "../../api/schema";
import { useApiQuery } from "../../api/useApiQuery";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ErrorResult } from "../../components/ErrorResult";
import { FormModal } from "../../components/FormModal";
import { SubmitErrorAlert } from "../../components/SubmitErrorAlert";
import { useSubmit } from "../../components/useSubmit";
import { changedCategoryFields } from "./categories";

type Categories = ApiResponse<"/tipoffs/categories/all">;
type Category = ItemOf<Categories>;
type CategoryBody = ApiBody<"/tipoffs/categories", "post">;
type CategoryPatch = ApiBody<"/tipoffs/categories/{code}", "patch">;

/** Every category, with its routing by 镇区; admins add and change them. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const { data, error, loading, reload } = useApiQuery<Categories>("/tipoffs/categories/all");
  const [editing, setEditing] = useState<Category | "new" | null>(null);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const departmentName = (code: string) => departments.items.find((item) => item.code === code)?.name ?? code;
  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <Space style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3}>{t("tipoffs.categoriesTitle")}</Typography.Title>
        <Button type="primary" onClick={() => setEditing("new")} data-testid="new-category">
          {t("tipoffs.newCategory")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t("tipoffs.categoriesHint")}</Typography.Paragraph>
      <Table<Category>
        size="small"
        rowKey="code"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="categories"
        expandable={{
          expandedRowRender: (item) => <RoutingTable category={item} departmentName={departmentName} onDone={reload} />,
        }}
        columns={[
          { title: t("tipoffs.categoryCode"), dataIndex: "code" },
          { title: t("tipoffs.category"), dataIndex: "name" },
          { title: t("tipoffs.department"), dataIndex: "departmentName" },
          { title: t("tipoffs.investigationDays"), dataIndex: "investigationDays" },
          {
            title: t("tipoffs.publicCategory"),
            render: (_: unknown, item) => (item.public ? <Tag color="blue">{t("tipoffs.yes")}</Tag> : t("tipoffs.no")),
          },
          {
            title: t("tipoffs.inUse"),
            render: (_: unknown, item) =>
              item.active ? <Tag color="green">{t("tipoffs.active")}</Tag> : <Tag>{t("tipoffs.inactive")}</Tag>,
          },
          {
            title: t("tipoffs.routing"),
            render: (_: unknown, item) => t("tipoffs.routingCount", { count: item.routing.length }),
          },
          {
            title: t("action.actions"),
            key: "actions",
            render: (_: unknown, item) => (
              <Button size="small" onClick={() => setEditing(item)} data-testid={`edit-category-${item.code}`}>
                {t("action.edit")}
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <CategoryModal
          category={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}

function CategoryModal({
  category,
  onClose,
  onDone,
}: {
  category: Category | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const [form] = Form.useForm<CategoryBody>();
  const submission = useSubmit(form, async (values: CategoryBody, key: string) => {
    if (category) {
      const patch: CategoryPatch = changedCategoryFields(category, values);
      await apiPatch(`/tipoffs/categories/${encodeURIComponent(category.code)}`, patch);
    } else await apiPost("/tipoffs/categories", values, key);
    message.success(t("action.saved"));
    onDone();
  });
  return (
    <FormModal
      open
      title={category ? t("tipoffs.editCategory", { name: category.name }) : t("tipoffs.newCategory")}
      okText={t("action.save")}
      submitTestId="save-category"
      form={form}
      submission={submission}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          category
            ? {
                name: category.name,
                description: category.description,
                departmentCode: category.departmentCode,
                public: category.public,
                investigationDays: category.investigationDays,
                active: category.active,
              }
            : { public: false, investigationDays: 15, active: true }
        }
      >
        {category ? null : (
          <Form.Item
            name="code"
            label={t("tipoffs.categoryCode")}
            extra={t("tipoffs.categoryCodeHint")}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t("tipoffs.categoryCodeHint") }]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("tipoffs.category")} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t("tipoffs.categoryDescription")} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="departmentCode" label={t("tipoffs.department")} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={departments.items.map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
        <Form.Item
          name="investigationDays"
          label={t("tipoffs.investigationDays")}
          extra={t("tipoffs.investigationDaysHint")}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="public"
          label={t("tipoffs.publicCategory")}
          extra={t("tipoffs.publicCategoryHint")}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="active" label={t("tipoffs.inUse")} extra={t("tipoffs.activeHint")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface RoutingForm {
  townCode: string;
  departmentCode: string;
}

/** The 镇区 of a category routed to another department, with the form that adds or changes one. */
function RoutingTable({
  category,
  departmentName,
  onDone,
}: {
  category: Category;
  departmentName: (code: string) => string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const towns = useTowns();
  const departments = useDepartments();
  const [form] = Form.useForm<RoutingForm>();
  const path = (townCode: string) =>
    `/tipoffs/categories/${encodeURIComponent(category.code)}/routing/${encodeURIComponent(townCode)}`;
  const setRoute = useSubmit(form, async (values: RoutingForm) => {
    await apiRequest("PUT", path(values.townCode), { body: { departmentCode: values.departmentCode } });
    message.success(t("action.saved"));
    form.resetFields();
    onDone();
  });
  const clearRoute = useSubmit(null, async (townCode: string) => {
    await apiRequest("PUT", path(townCode), { body: { departmentCode: null } });
    message.success(t("tipoffs.routingCleared", { town: townName(towns.items, townCode) }));
    onDone();
  });
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }} data-testid={`routing-${category.code}`}>
      <Typography.Text type="secondary">
        {t("tipoffs.routingHint", { department: departmentName(category.departmentCode) })}
      </Typography.Text>
      <SubmitErrorAlert {...clearRoute.alert} />
      <Table
        size="small"
        rowKey="townCode"
        pagination={false}
        dataSource={category.routing}
        locale={{ emptyText: t("tipoffs.noRouting") }}
        columns={[
          {
            title: t("tipoffs.town"),
            dataIndex: "townCode",
            render: (code: string) => townName(towns.items, code),
          },
          {
            title: t("tipoffs.department"),
            dataIndex: "departmentCode",
            render: (code: string) => departmentName(code),
          },
          {
            title: t("action.actions"),
            key: "actions",
            render: (_: unknown, route: { townCode: string }) => (
              <ConfirmButton
                size="small"
                danger
                loading={clearRoute.saving}
                testId={`clear-routing-${category.code}-${route.townCode}`}
                consequence={t("tipoffs.clearRoutingConsequence", {
                  town: townName(towns.items, route.townCode),
                  department: departmentName(category.departmentCode),
                })}
                onConfirm={() => clearRoute.submit(route.townCode)}
              >
                {t("tipoffs.clearRouting")}
              </ConfirmButton>
            ),
          },
        ]}
      />
      <SubmitErrorAlert {...setRoute.alert} />
      <Form form={form} layout="inline" onFinish={(values) => void setRoute.submit(values)}>
        <Form.Item name="townCode" label={t("tipoffs.town")} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            showSearch={{ optionFilterProp: "label" }}
            options={towns.items.map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
        <Form.Item name="departmentCode" label={t("tipoffs.department")} rules={[{ required: true }]}>
          <Select
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: "label" }}
            options={departments.items.map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
        <Button htmlType="submit" loading={setRoute.saving} data-testid={`set-routing-${category.code}`}>
          {t("tipoffs.setRouting")}
        </Button>
      </Form>
    </Space>
  );
}
