<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="232" />
        <source>Your role can look at requests but not decide them.</source>
        <translation>你的角色只能查看售后，不能处理。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="233" />
        <source>Sign in to decide requests.</source>
        <translation>请先登录再处理售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="235" />
        <source>A decision on this request is waiting to be sent.</source>
        <translation>这条售后已处理，正等待提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="237" />
        <source>The platform asks for the shop's evidence: give it in its back office.</source>
        <translation>平台要求商家举证：请在平台后台提交凭证。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="239" />
        <source>Handed to the owner by {name}; it waits for the owner.</source>
        <translation>{name} 已交给店主，等待店主处理。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="242" />
        <source>Enter: suggested decision · A: approve · R: refuse · Space: select</source>
        <translation>回车：按建议处理 · A：同意 · R：拒绝 · 空格：勾选</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="247" />
        <source>Approve… (A)</source>
        <translation>同意…（A）</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="249" />
        <source>Refuse by shipping… (R)</source>
        <translation>发货拒绝退款…（R）</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="251" />
        <source>Refuse… (R)</source>
        <translation>拒绝…（R）</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="252" />
        <source>Approve {count} selected…</source>
        <translation>批量同意所选 {count} 条…</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="253" />
        <source>Hand back… (H)</source>
        <translation>退回客服… (H)</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="253" />
        <source>Hand to owner… (H)</source>
        <translation>交给店主… (H)</translation>
    </message>
</context>
<context>
    <name>AddShop</name>
    <message>
        <location filename="../../app/views/shell/add_shop_flow.py" line="64" />
        <source>The shop was not added</source>
        <translation>未能添加店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/add_shop_flow.py" line="79" />
        <source>The shop was saved, but its database could not be opened on this computer. The details are in the log file in the data folder.</source>
        <translation>店铺已保存，但无法在这台电脑上打开它的数据库。详细信息在数据文件夹的日志文件中。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/add_shop_flow.py" line="99" />
        <source>Remove this shop?</source>
        <translation>移除此店铺？</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/add_shop_flow.py" line="100" />
        <source>Take {shop} off this desk? It stops syncing here. Its data stays on this computer, and adding the shop again brings it back.</source>
        <translation>要把 {shop} 从工作台移除吗？它将不再在这里同步。它的数据仍保留在这台电脑上，重新添加该店铺即可恢复。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/add_shop_flow.py" line="114" />
        <source>The shop was not removed</source>
        <translation>未能移除店铺</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="59" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="60" />
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="61" />
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="62" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="63" />
        <source>Password &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="88" />
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
</context>
<context>
    <name>ApproveRefundDialog</name>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="79" />
        <source>Approve refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="84" />
        <source>Refund {amount} to the buyer? The money leaves the shop once the platform has it.</source>
        <translation>确定退款 {amount} 给买家？平台收到后款项即从店铺退出。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="88" />
        <source>Approve refund {amount}</source>
        <translation>同意退款 {amount}</translation>
    </message>
</context>
<context>
    <name>ApproveReturnDialog</name>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="106" />
        <source>&amp;Return address:</source>
        <translation>退货地址(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="110" />
        <source>Choose where the buyer sends the goods.</source>
        <translation>请选择买家寄回商品的地址。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="117" />
        <location filename="../../app/views/refunds/dialogs.py" line="123" />
        <source>Agree to the return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="121" />
        <source>The buyer sends the goods back to this address; you inspect them when they arrive.</source>
        <translation>买家将商品寄回此地址，到货后再验货。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="243" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="244" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="245" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="246" />
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="247" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="202" />
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="204" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="212" />
        <source>{time} · {person} · {action}</source>
        <translation>{time} · {person} · {action}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="221" />
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="249" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="248" />
        <source>What was done</source>
        <translation>经过</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="176" />
        <source>the platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="178" />
        <source>the system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="178" />
        <source>nobody signed in</source>
        <translation>（未登录）</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="194" />
        <source>Audit log</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="251" />
        <source>Export the audit log</source>
        <translation>导出操作记录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="251" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="259" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="310" />
        <source>The audit log could not be read: {error}</source>
        <translation>无法读取操作记录：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="315" />
        <source>{count} events written to {file}</source>
        <translation>已将 {count} 条记录写入 {file}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="323" />
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="328" />
        <source>1 event</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="328" />
        <source>{count} events</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="330" />
        <source>the newest {count} events; narrow the filters to see older ones</source>
        <translation>最新的 {count} 条记录；缩小筛选范围可查看更早的记录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="347" />
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="348" />
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="351" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="352" />
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="353" />
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_view.py" line="354" />
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_event_pane.py" line="61" />
        <source>Choose an event to see everything it changed.</source>
        <translation>选择一条记录，查看它改动的全部内容。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_event_pane.py" line="63" />
        <source>Technical details</source>
        <translation>技术详情</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_event_pane.py" line="65" />
        <source>The record as the desk keeps it, field by field</source>
        <translation>本软件保存的原始记录，逐项列出</translation>
    </message>
</context>
<context>
    <name>AutomationView</name>
    <message>
        <location filename="../../app/views/automation/view.py" line="129" />
        <location filename="../../app/views/shell/screen_list.py" line="113" />
        <source>Automatic decisions</source>
        <translation>自动审核</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="285" />
        <source>Switch &amp;off</source>
        <translation>停用(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="285" />
        <source>Switch &amp;on</source>
        <translation>启用(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="288" />
        <source>Versions of “{name}”</source>
        <translation>“{name}”的各个版本</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="288" />
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="295" />
        <source>Each request waiting for the shop is looked at by these rules in order; the first that matches decides. A decision waits out its undo window in the outbox, and a rule acts with the rights of the owner who switched it on.</source>
        <translation>每个等待店铺处理的售后申请会按顺序经过这些规则，由第一条符合的规则处理。处理结果先在待发送队列里等待撤销时间，规则以启用它的店主的权限行事。</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="300" />
        <source>&amp;New rule…</source>
        <translation>新建规则(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="301" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="302" />
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/view.py" line="303" />
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
</context>
<context>
    <name>AutomationWords</name>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="38" />
        <source>Douyin</source>
        <translation>抖店</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="39" />
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="48" />
        <source>Deciding</source>
        <translation>自动处理中</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="51" />
        <source>Stopped itself: {reason}</source>
        <translation>已自动停用：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="52" />
        <source>Off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="56" />
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="61" />
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="74" />
        <source>reason mentions {words}</source>
        <translation>原因含“{words}”</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="80" />
        <source>up to {amount}</source>
        <translation>金额不超过 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="86" />
        <source>product {words}</source>
        <translation>商品含“{words}”</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="91" />
        <source>not shipped yet</source>
        <translation>尚未发货</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="93" />
        <source>parcel not picked up yet</source>
        <translation>包裹尚未揽收</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="96" />
        <source>buyer's earlier requests ≤ {count}</source>
        <translation>买家此前申请 ≤ {count} 次</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="102" />
        <source>buyer's refused requests ≤ {count}</source>
        <translation>买家被拒申请 ≤ {count} 次</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="108" />
        <source>at least {hours} h before the deadline</source>
        <translation>距处理时限至少 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_words.py" line="112" />
        <source>every request</source>
        <translation>所有售后申请</translation>
    </message>
</context>
<context>
    <name>BoardPaper</name>
    <message>
        <location filename="../../app/views/shipping/board_paper.py" line="32" />
        <source>Pick list — due today</source>
        <translation>拣货单——今日应发</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_paper.py" line="46" />
        <source>Select the orders to print packing slips for.</source>
        <translation>请先选中要打印发货单的订单。</translation>
    </message>
</context>
<context>
    <name>BulkApproveDialog</name>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="137" />
        <source>Approve refunds</source>
        <translation>批量同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="158" />
        <source>Approve {count} refunds, {total} in all? Nothing is sent until you confirm.</source>
        <translation>同意 {count} 笔退款，共 {total}？确认前不会提交任何操作。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="129" />
        <source>Choose where the buyers send the goods.</source>
        <translation>请选择买家寄回商品的地址。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="137" />
        <source>Approve requests</source>
        <translation>批量同意售后</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="138" />
        <source>&amp;Return address:</source>
        <translation>退货地址(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="153" />
        <source>Refunds to approve: {count} ({total} in all). Returns to agree: {returns}. Nothing is sent until you confirm.</source>
        <translation>同意退款：{count} 笔（共 {total}）。同意退货：{returns} 笔。确认之前不会发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="162" />
        <source>Agree to {count} returns? The buyers send the goods back to the return address the platform gives. Nothing is sent until you confirm.</source>
        <translation>同意 {count} 个退货申请？买家会把商品寄回平台提供的退货地址。确认之前不会发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="167" />
        <source>Agree to {count} returns? The buyers send the goods back to the address below. Nothing is sent until you confirm.</source>
        <translation>同意这 {count} 笔退货吗？买家会把商品寄回下方地址。确认之前不会发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="172" />
        <source>None of the selected requests can be approved together.</source>
        <translation>所选售后都不能批量同意。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="174" />
        <source>Skipped ({count}):</source>
        <translation>跳过（{count} 条）：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="183" />
        <source>Approve {count} requests</source>
        <translation>同意 {count} 笔售后</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="185" />
        <source>Agree to {count} returns</source>
        <translation>同意 {count} 笔退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="187" />
        <source>Approve {count} refunds</source>
        <translation>同意 {count} 笔退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="194" />
        <source>{approved} requests approved; they are sent to the platform now.</source>
        <translation>已同意 {approved} 笔售后，正在发送到平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="196" />
        <source>{approved} returns agreed; they are sent to the platform now.</source>
        <translation>已同意 {approved} 笔退货，正在发送到平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="198" />
        <source>{approved} refunds approved; they are sent to the platform now.</source>
        <translation>已同意 {approved} 笔退款，正在提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/bulk_dialog.py" line="201" />
        <source>Not approved ({count}):</source>
        <translation>未能同意（{count} 条）：</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="220" />
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="228" />
        <source>Role of {name}</source>
        <translation>{name} 的角色</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../app/views/dashboard/charts.py" line="258" />
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/charts.py" line="259" />
        <source>limit</source>
        <translation>限值</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="52" />
        <source>Average ship time (h)</source>
        <translation>平均发货时长（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="53" />
        <source>Late-shipment rate (%)</source>
        <translation>延迟发货率（%）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="56" />
        <source>After-sales by type</source>
        <translation>各类型售后量</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="62" />
        <source>Review time and refund duration (h)</source>
        <translation>审核时长与退款时长（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="67" />
        <source>Timeout approvals</source>
        <translation>超时自动同意</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="72" />
        <source>Experience score (estimate)</source>
        <translation>体验分（估算）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="82" />
        <source>Late dispatch rate (%)</source>
        <translation>延迟发货率 LDR（%）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="87" />
        <source>Valid tracking rate (%)</source>
        <translation>有效追踪率 VTR（%）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="92" />
        <source>Seller-fault cancellation rate (%)</source>
        <translation>卖家责任取消率 SFCR（%）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/chart_specs.py" line="96" />
        <source>Average review time (h)</source>
        <translation>平均审核时长（小时）</translation>
    </message>
</context>
<context>
    <name>DashboardControls</name>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="187" />
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="188" />
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="189" />
        <source>Last 90 days</source>
        <translation>近 90 天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="190" />
        <source>Date range</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="194" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="195" />
        <source>Per day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="196" />
        <source>Per hour</source>
        <translation>按小时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="197" />
        <source>For ranges of up to 7 days</source>
        <translation>仅适用于 7 天以内的范围</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/controls.py" line="198" />
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="35" />
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="36" />
        <location filename="../../app/views/dashboard/export.py" line="45" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="37" />
        <source>Whole window</source>
        <translation>整个统计期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="38" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="39" />
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="42" />
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="43" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="44" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="46" />
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="47" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="48" />
        <source>Contribution</source>
        <translation>贡献</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="50" />
        <source>Experience score (estimate)</source>
        <translation>体验分（估算）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="52" />
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="53" />
        <source>Score</source>
        <translation>体验分</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="54" />
        <source>About</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="57" />
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="58" />
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="59" />
        <source>Per</source>
        <translation>粒度</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="60" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="61" />
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="62" />
        <source>In force since</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="63" />
        <source>Computed at</source>
        <translation>计算时间</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="64" />
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="66" />
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="66" />
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="67" />
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="68" />
        <source>Shop time (UTC+8)</source>
        <translation>店铺时间（UTC+8）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="69" />
        <source>Shop time (UTC{offset})</source>
        <translation>店铺时间（UTC{offset}）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="98" />
        <source>{metric}: {kind}</source>
        <translation>{metric}：{kind}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../app/views/dashboard/view.py" line="192" />
        <location filename="../../app/views/shell/screen_list.py" line="80" />
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/view.py" line="280" />
        <source>The figures could not be computed: {error}</source>
        <translation>无法计算指标：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/rules_line.py" line="36" />
        <source>Rule set {name} (in force since {date}) · days and hours in shop time (UTC+8)</source>
        <translation>规则集 {name}（{date} 起生效）· 日期与小时均为店铺时间（UTC+8）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/rules_line.py" line="41" />
        <source>Rule set {name} (in force since {date}) · days and hours in shop time (UTC{offset})</source>
        <translation>规则集 {name}（{date} 起生效）· 日期与小时均为店铺时间（UTC{offset}）</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../app/views/refunds/dialogs.py" line="46" />
        <source>{kind} {id} · {product} · refund {amount}</source>
        <translation>{kind} {id} · {product} · 退款 {amount}</translation>
    </message>
</context>
<context>
    <name>DecisionFlow</name>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="144" />
        <location filename="../../app/views/refunds/decision_flow.py" line="146" />
        <source>Agree to the return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="145" />
        <source>The buyer then sends the goods back to the return address the platform gives.</source>
        <translation>买家随后会把商品寄回平台提供的退货地址。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="158" />
        <location filename="../../app/views/refunds/decision_flow.py" line="160" />
        <source>Approve replacement</source>
        <translation>同意换货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="159" />
        <source>The platform then makes a new order for the replacement, for you to ship.</source>
        <translation>平台随后会为换货生成一个新订单，由你发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="166" />
        <location filename="../../app/views/refunds/decision_flow.py" line="168" />
        <source>Agree to resend</source>
        <translation>同意补寄</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="167" />
        <source>The request then waits for you to send the items, with their tracking number.</source>
        <translation>同意后，这个申请会等待你寄出商品并填写运单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="188" />
        <source>Nothing to decide here</source>
        <translation>此处无需决定</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="207" />
        <source>Nothing to refuse</source>
        <translation>没有可拒绝的</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="211" />
        <source>This request was agreed and waits for you to send the goods; the platform takes no refusal now. Send them with “Approve” (A): carrier and tracking number.</source>
        <translation>这个申请已同意，正等待你寄出商品；平台此时不接受拒绝。请用“同意”（A）寄出：填写快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="266" />
        <location filename="../../app/views/refunds/decision_flow.py" line="269" />
        <source>Hand to the owner</source>
        <translation>交给店主</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="268" />
        <source>The owner sees it in their queue with your name and these words.</source>
        <translation>店主会在列表中看到这条售后，以及你的名字和这段说明。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="270" />
        <source>Say in a few words why the owner should decide this request.</source>
        <translation>请简单说明为什么要由店主处理这条售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="283" />
        <location filename="../../app/views/refunds/decision_flow.py" line="287" />
        <source>Hand back</source>
        <translation>退回客服</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="284" />
        <source>Handed to you by {name}: {reason}</source>
        <translation>{name} 交给你处理：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="286" />
        <source>It goes back to the queue undecided; your note is kept in the audit trail.</source>
        <translation>这条售后将不作处理退回列表；你的备注会记入操作记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/decision_flow.py" line="339" />
        <location filename="../../app/views/refunds/decision_flow.py" line="356" />
        <source>Sign in to decide requests.</source>
        <translation>请先登录再处理售后。</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="183" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="184" />
        <location filename="../../app/views/dashboard/drill.py" line="185" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="184" />
        <source>Request</source>
        <translation>售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="186" />
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="200" />
        <source>{metric} — {period}</source>
        <translation>{metric} — {period}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="206" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="208" />
        <source>Nothing behind this figure.</source>
        <translation>此数字背后没有记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="212" />
        <source>The newest {count} are listed. Double-click one, or press Enter, to open it.</source>
        <translation>仅列出最新的 {count} 条。双击或按回车打开。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="216" />
        <source>Double-click one, or press Enter, to open it in its screen.</source>
        <translation>双击或按回车，在对应页面中打开。</translation>
    </message>
</context>
<context>
    <name>DryRunModel</name>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="161" />
        <source>not yet</source>
        <translation>尚未处理</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="164" />
        <source>{decided} — differs</source>
        <translation>{decided}（不一致）</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="179" />
        <source>Request</source>
        <translation>售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="179" />
        <source>Order ID</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="179" />
        <source>Judged at</source>
        <translation>判断时间</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="179" />
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="180" />
        <source>The rule would</source>
        <translation>规则将会</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="180" />
        <source>People decided</source>
        <translation>人工的处理</translation>
    </message>
</context>
<context>
    <name>DryRunPanel</name>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="110" />
        <source>Trying the rule on the last {days} days…</source>
        <translation>正在用过去 {days} 天的申请试运行这条规则…</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="112" />
        <source>The dry run could not be done: {error}</source>
        <translation>试运行未能完成：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="114" />
        <source>See what this rule would have done before you switch it on.</source>
        <translation>启用之前，先看看这条规则会怎样处理。</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="121" />
        <source>Over the last {days} days it would have decided {matched} of {looked} requests, {money} in all. People decided otherwise on {disagreements} of them.</source>
        <translation>过去 {days} 天的 {looked} 个售后申请中，这条规则会处理 {matched} 个，共 {money}。其中 {disagreements} 个与人工的处理不一致。</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="128" />
        <source>Its daily limit would have stopped it at {time}.</source>
        <translation>它会在 {time} 达到每日上限而停止。</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="136" />
        <source>Try on the last {days} days</source>
        <translation>用过去 {days} 天试运行</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="137" />
        <source>Only where people decided otherwise</source>
        <translation>只看与人工处理不一致的</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/dry_run_panel.py" line="138" />
        <source>A dry run sends nothing to the platform and changes nothing in the shop.</source>
        <translation>试运行不会向平台发送任何内容，也不会改动店铺的任何数据。</translation>
    </message>
</context>
<context>
    <name>DueSoonModel</name>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="64" />
        <source>Rule set: {name}</source>
        <translation>规则版本：{name}</translation>
    </message>
</context>
<context>
    <name>DueSoonView</name>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="32" />
        <source>Refund request</source>
        <translation>售后申请</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="33" />
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="129" />
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="154" />
        <source>{count} due within {hours} hours or overdue, across {shops} shops.</source>
        <translation>{shops} 家店铺共有 {count} 项已超时或将在 {hours} 小时内到期。</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="158" />
        <source>The {shown} soonest are listed.</source>
        <translation>列出最紧急的 {shown} 项。</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="162" />
        <source>{shop} could not be read.</source>
        <translation>{shop} 无法读取。</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="167" />
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="167" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="167" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="167" />
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="167" />
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../app/views/due_soon/view.py" line="168" />
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="232" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="233" />
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="234" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="242" />
        <location filename="../../app/views/dashboard/export.py" line="251" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="246" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="248" />
        <source>Could not save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="252" />
        <source>Charts as PNG image…</source>
        <translation>图表导出为 PNG 图片…</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="253" />
        <source>Figures as CSV…</source>
        <translation>指标导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/export.py" line="254" />
        <source>Figures as Excel workbook…</source>
        <translation>指标导出为 Excel 工作簿…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="145" />
        <source>Search request, order, product or reason  (Ctrl+F)</source>
        <translation>搜索售后单号、订单号、商品或原因（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="146" />
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="150" />
        <source>All waiting</source>
        <translation>全部待处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="150" />
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="150" />
        <source>Returned, to inspect</source>
        <translation>已退回，待验货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="150" />
        <source>To send</source>
        <translation>待寄出</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="153" />
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="153" />
        <source>Due within 1 h</source>
        <translation>1 小时内到期</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="153" />
        <source>Due within 6 h</source>
        <translation>6 小时内到期</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="154" />
        <source>Due within 24 h</source>
        <translation>24 小时内到期</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="154" />
        <source>Deadline passed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="163" />
        <source>Min {currency}</source>
        <translation>最低 {currency}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="164" />
        <source>Max {currency}</source>
        <translation>最高 {currency}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="165" />
        <source>With the owner</source>
        <translation>已交店主</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_bars.py" line="166" />
        <source>Only the requests handed to the owner to decide</source>
        <translation>只看交给店主处理的售后</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="280" />
        <source>Connected to {shop}</source>
        <translation>已连接到「{shop}」</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="286" />
        <source>The test failed.</source>
        <translation>测试没有通过。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="291" />
        <source>The test could not run: {error}</source>
        <translation>测试无法进行：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="308" />
        <source>Add a shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="310" />
        <source>Change the shop</source>
        <translation>更换店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="312" />
        <source>Welcome to AfterSales Desk</source>
        <translation>欢迎使用售后工作台</translation>
    </message>
</context>
<context>
    <name>HistoryNote</name>
    <message>
        <location filename="../../app/views/dashboard/history_note.py" line="30" />
        <source>{days} and {count} more days</source>
        <translation>{days}，以及另外 {count} 天</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/history_note.py" line="31" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/history_note.py" line="32" />
        <source>Incomplete on some days</source>
        <translation>部分日期数据不完整</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/history_note.py" line="33" />
        <source>History still loading</source>
        <translation>历史记录读取中</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/history_note.py" line="34" />
        <source>Incomplete on {days}: {figures}. The platform did not give the history of {count} of the requests behind them.</source>
        <translation>{days} 的数据不完整：{figures}。其中 {count} 个售后单的历史记录平台未提供。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/history_note.py" line="39" />
        <source>Still reading requests' histories from the platform ({count} to go): {figures} on {days} may still change.</source>
        <translation>正在从平台读取售后单历史记录（还剩 {count} 个）：{days} 的{figures}可能还会变化。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="99" />
        <source>Ready</source>
        <translation>可发货</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="104" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="105" />
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="106" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="107" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="108" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="234" />
        <source>The goods arrived:</source>
        <translation>到货情况：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="239" />
        <source>Inspection note:</source>
        <translation>验货备注：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="251" />
        <source>Then:</source>
        <translation>然后：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="279" />
        <source>Refuse the returned goods</source>
        <translation>拒绝退货商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="281" />
        <source>Refund {amount}</source>
        <translation>退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="285" />
        <source>Inspect returned goods</source>
        <translation>退货验货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="164" />
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="288" />
        <source>Good — as sent</source>
        <translation>完好——与发出时一致</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="165" />
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="289" />
        <source>Damaged</source>
        <translation>有损坏</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="166" />
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="290" />
        <source>Missing parts</source>
        <translation>缺少配件</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="294" />
        <source>Refund the buyer</source>
        <translation>退款给买家</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="295" />
        <source>Refuse, with a reason</source>
        <translation>拒绝，并说明原因</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="121" />
        <source>Save label as PDF</source>
        <translation>将面单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="126" />
        <source>Print label: {orders}</source>
        <translation>打印面单：{orders}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="168" />
        <source>No label</source>
        <translation>没有面单</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="197" />
        <source>This shop's platform gives no labels to print from here.</source>
        <translation>本店铺所在平台不提供可在此打印的面单。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="238" />
        <source>Not printed, not shipped here. TikTok Shipping has the order (tracking number {tracking}); press Enter to print its label again.</source>
        <translation>未打印，本机也未发货。TikTok 物流已接单（运单号 {tracking}）；按回车键重新打印面单。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="246" />
        <source>The label could not be printed: {why}</source>
        <translation>面单无法打印：{why}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="263" />
        <source>Printed, but not shipped here: {why}</source>
        <translation>已打印，但本机未能发货：{why}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="269" />
        <source>Print label</source>
        <translation>打印面单</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="270" />
        <source>Print label…</source>
        <translation>打印面单…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="271" />
        <source>Save label as PDF…</source>
        <translation>将面单另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="273" />
        <source>Print the platform's shipping label of the selected orders ({key}).</source>
        <translation>打印所选订单的平台面单（{key}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/label_actions.py" line="278" />
        <source>Douyin prints its shipping labels (electronic waybills) with its own print component: print them from Douyin's shop backend.</source>
        <translation>抖音使用自己的打印组件打印面单（电子面单）：请在抖店后台打印。</translation>
    </message>
</context>
<context>
    <name>LiveStatus</name>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="100" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="105" />
        <source>{why} — the figures are as of the last sync ({time}); they update by themselves once it works again.</source>
        <translation>{why}——指标截至上次同步（{time}）；平台恢复正常后会自动更新。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="110" />
        <source>Offline — the figures are as of the last sync ({time}); they update by themselves when the connection returns.</source>
        <translation>离线 — 指标截至上次同步（{time}）；连接恢复后会自动更新。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="114" />
        <source>The sync needs attention — the figures are as of the last sync ({time}).</source>
        <translation>同步需要处理 — 指标截至上次同步（{time}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="121" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="123" />
        <source>Paused · figures as of {time}</source>
        <translation>已暂停 · 指标截至 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="125" />
        <source>new data waiting</source>
        <translation>有新数据待更新</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="128" />
        <source>{why} · figures as of {time}</source>
        <translation>{why} · 指标截至 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="130" />
        <source>Offline · figures as of {time}</source>
        <translation>离线 · 指标截至 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="132" />
        <source>A past range · computed {time}</source>
        <translation>历史区间 · 计算于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="134" />
        <source>Live · updated {time}</source>
        <translation>实时 · 更新于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="143" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="143" />
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="145" />
        <source>Stop updating the figures as new data arrives</source>
        <translation>新数据到达时不再更新指标</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/status.py" line="147" />
        <source>Update the figures as new data arrives</source>
        <translation>新数据到达时更新指标</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="150" />
        <source>The list of people could not be read: {error}</source>
        <translation>无法读取人员列表：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="164" />
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="186" />
        <source>Signing in did not work: {error}</source>
        <translation>登录失败：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="200" />
        <source>{words} Try again in {seconds} s.</source>
        <translation>{words}请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="218" />
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="218" />
        <location filename="../../app/views/people/login_dialog.py" line="231" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="220" />
        <source>Who is at the computer now?</source>
        <translation>现在是谁在用这台电脑？</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="222" />
        <source>Sign in to AfterSales Desk</source>
        <translation>登录售后工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="224" />
        <source>&amp;Who are you:</source>
        <translation>你是谁(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="225" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="226" />
        <source>your name or user name</source>
        <translation>你的名字或用户名</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="227" />
        <source>Stay signed in on this computer</source>
        <translation>在这台电脑上保持登录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/login_dialog.py" line="229" />
        <source>Only for a shop run by one person: the desk then opens without asking.</source>
        <translation>仅适合一个人经营的店铺：之后打开工作台时不再询问密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/shell/waiting_badge.py" line="56" />
        <source>{count} waiting to be sent</source>
        <translation>{count} 条待提交</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/waiting_badge.py" line="58" />
        <source>Decisions made here that the platform has not confirmed yet; they are kept until it does.</source>
        <translation>在本机做出、平台尚未确认的处理结果；平台确认前会一直保留。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/waiting_badge.py" line="63" />
        <source>{count} waiting for the platform to review pictures</source>
        <translation>{count} 条等待平台审核图片</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="349" />
        <source>AfterSales Desk</source>
        <translation>售后工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="350" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="351" />
        <source>Language and other choices for this computer (Ctrl+,)</source>
        <translation>本机的语言等设置（Ctrl+,）</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="352" />
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="353" />
        <source>Sign out and let someone else sign in (Ctrl+Shift+L)</source>
        <translation>退出登录，让其他人登录（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/main_window.py" line="356" />
        <source>{name}
{role}</source>
        <translation>{name}
{role}</translation>
    </message>
</context>
<context>
    <name>MetricAlerts</name>
    <message>
        <location filename="../../app/views/dashboard/alerts.py" line="41" />
        <source>{metric} past the platform's limit</source>
        <translation>{metric}超过平台限值</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/alerts.py" line="43" />
        <source>At today's pace it reaches {value} over the window; the platform acts above {limit}.</source>
        <translation>按今天的速度，统计期内将达到 {value}；超过 {limit} 平台将处罚。</translation>
    </message>
</context>
<context>
    <name>MetricTile</name>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="104" />
        <source>Not available</source>
        <translation>无法获取</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="137" />
        <source>At today's pace this reaches {value} by tonight, past the platform's limit of {limit}.</source>
        <translation>按今天的速度，今晚将达到 {value}，超过平台限值 {limit}。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="140" />
        <source>This is {value}, past the platform's limit of {limit}.</source>
        <translation>当前为 {value}，超过平台限值 {limit}。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="149" />
        <source>{kind}: {count}</source>
        <translation>{kind}：{count}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="157" />
        <source>Click to list the orders or requests behind this figure.</source>
        <translation>点击查看此数字背后的订单或售后单。</translation>
    </message>
</context>
<context>
    <name>MetricWords</name>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="71" />
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="101" />
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="105" />
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="135" />
        <source>Target {sign} {value} (ours)</source>
        <translation>目标 {sign} {value}（自定）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="137" />
        <source>Target {sign} {value}</source>
        <translation>目标 {sign} {value}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="144" />
        <source>limit {value}</source>
        <translation>限值 {value}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="142" />
        <source>limit {value} (ours)</source>
        <translation>限值 {value}（自定）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="153" />
        <source>{part} of {whole}</source>
        <translation>{part} / {whole}</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/metric_words.py" line="157" />
        <source>over {count}</source>
        <translation>共 {count} 单</translation>
    </message>
</context>
<context>
    <name>NeedsAttentionView</name>
    <message>
        <location filename="../../app/views/attention/rows.py" line="25" />
        <source>Approve the refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="26" />
        <source>Refuse the refund</source>
        <translation>拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="27" />
        <source>Agree to the return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="28" />
        <source>Refuse the return</source>
        <translation>拒绝退货</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="29" />
        <source>Refund after inspection</source>
        <translation>验货后退款</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="30" />
        <source>Refuse the returned goods</source>
        <translation>拒绝退货商品</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="31" />
        <source>Agree to the exchange or resend</source>
        <translation>同意换货或补寄</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="32" />
        <source>Confirm the exchanged goods arrived</source>
        <translation>确认换货商品已收到</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="146" />
        <source>Needs attention ({count})</source>
        <translation>待处理异常（{count}）</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="147" />
        <source>Needs attention</source>
        <translation>待处理异常</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="42" />
        <source>{decision}
made {time}</source>
        <translation>{decision}
处理于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="46" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="43" />
        <source>refused</source>
        <translation>平台拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="35" />
        <source>Send the resend's or repaired goods</source>
        <translation>寄出补寄或维修的商品</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="37" />
        <source>Ship with {carrier}, tracking {tracking}</source>
        <translation>发货：{carrier}，运单号 {tracking}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="38" />
        <source>Ship with {carrier}, tracking {tracking}, refusing the buyer's refund request</source>
        <translation>发货：{carrier}，运单号 {tracking}，并拒绝买家的退款申请</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="41" />
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="44" />
        <source>the request had changed</source>
        <translation>售后单已变化</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="45" />
        <source>the order had changed</source>
        <translation>订单已变化</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="47" />
        <source>The buyer asks for a refund of {amount}</source>
        <translation>买家申请退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/rows.py" line="48" />
        <source>The platform said: {words}</source>
        <translation>平台提示：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="263" />
        <source>The platform did not take these decisions and shipments. Look at what it says, then discard one or apply it again to the request or order as it is now.</source>
        <translation>平台没有接受下面这些处理和发货。请看平台的提示，然后放弃，或按售后单、订单的最新状态重新提交。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="269" />
        <source>Order or request</source>
        <translation>订单或售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="270" />
        <source>Your decision</source>
        <translation>你的处理</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="271" />
        <source>Platform now</source>
        <translation>平台当前状态</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="272" />
        <source>What happened</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="275" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="276" />
        <source>Apply again</source>
        <translation>重新提交</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="278" />
        <source>Nothing needs you: every decision and shipment made here was taken by the platform.</source>
        <translation>没有需要处理的事项：这里做出的处理决定和发货都已被平台接受。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="293" />
        <source>Drop this shipment; ship again from the shipping board if the parcel still goes.</source>
        <translation>放弃这次发货；如果包裹还要寄出，请在“发货”页面重新发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="296" />
        <source>Send the same shipment again, refusing the buyer's refund request.</source>
        <translation>再次提交同样的发货，并拒绝买家的退款申请。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="300" />
        <source>Drop this decision; the request stays as the platform has it.</source>
        <translation>放弃这条处理，售后单保持平台上的状态。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/view.py" line="303" />
        <source>Send the same decision again, based on the request as it is now.</source>
        <translation>按售后单的最新版本，再次提交同样的处理。</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../app/views/shell/offline_banner.py" line="99" />
        <source>Offline: the platform cannot be reached — your work is saved here and will be sent when the connection returns.</source>
        <translation>网络已断开，无法连接到平台——你的操作已保存在本机，恢复连接后会自动提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/offline_banner.py" line="104" />
        <source>The platform is not answering — your work is saved here and will be sent when it does.</source>
        <translation>平台没有响应——你的操作已保存在本机，平台恢复响应后会自动提交。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/offline_banner.py" line="108" />
        <source>The platform is having trouble — your work is saved here and will be sent once it works again.</source>
        <translation>平台暂时出现故障——你的操作已保存在本机，平台恢复正常后会自动提交。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/offline_banner.py" line="113" />
        <source>The platform asked us to slow down — your work is saved here and will be sent in a moment.</source>
        <translation>平台要求降低请求频率——你的操作已保存在本机，稍后会自动提交。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/offline_banner.py" line="115" />
        <source>Offline — your work is saved here and will be sent when the connection returns.</source>
        <translation>网络已断开——你的操作已保存在本机，恢复连接后会自动提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/offline_banner.py" line="122" />
        <source>{count} waiting to be sent.</source>
        <translation>{count} 条待提交。</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="114" />
        <source>Select an order to see its items, parcels and after-sales.</source>
        <translation>选择一个订单，查看商品、包裹和售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="124" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="125" />
        <source>Amounts</source>
        <translation>金额明细</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="126" />
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="128" />
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="129" />
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="136" />
        <source>Created {time}</source>
        <translation>下单于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="142" />
        <source>platform promise</source>
        <translation>平台承诺时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="144" />
        <source>default promise, rule set {rule_set}</source>
        <translation>默认承诺时效，规则 {rule_set}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="145" />
        <source>{time}, {promise}</source>
        <translation>{time}，{promise}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="150" />
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="153" />
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="155" />
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="160" />
        <source>not yet: the platform has not reported the goods received</source>
        <translation>尚未签收（平台未回传签收）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="162" />
        <source>Received at</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="163" />
        <source>Amount</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="178" />
        <source>After-sale: {status}</source>
        <translation>售后：{status}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="184" />
        <source>Discount {amount}</source>
        <translation>优惠 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="200" />
        <source>Goods</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="201" />
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="202" />
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="208" />
        <source>Price adjustments</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="214" />
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="231" />
        <source>Buyer:</source>
        <translation>买家留言：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="237" />
        <source>Seller:</source>
        <translation>商家备注：</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="239" />
        <source>Notes</source>
        <translation>留言备注</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="243" />
        <source>Not shipped yet.</source>
        <translation>尚未发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="246" />
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="256" />
        <source>No after-sale requests.</source>
        <translation>没有售后申请。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="259" />
        <source>Applied {time}: {reason}</source>
        <translation>{time} 申请：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/detail_pane.py" line="264" />
        <source>Reply by {time}</source>
        <translation>请在 {time} 前处理</translation>
    </message>
</context>
<context>
    <name>OrderFilters</name>
    <message>
        <location filename="../../app/views/orders/filters.py" line="82" />
        <source>Showing {shown} of {total}</source>
        <translation>显示 {shown} / 共 {total} 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/filters.py" line="86" />
        <source>1 order</source>
        <translation>共 1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/filters.py" line="86" />
        <source>{count} orders</source>
        <translation>共 {count} 单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/filters.py" line="91" />
        <source>Search order number, item, receiver or buyer's note  (Ctrl+F)</source>
        <translation>搜索订单号、商品、收货人或买家留言（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/filters.py" line="93" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/filters.py" line="93" />
        <source>To ship</source>
        <translation>待发货（全部）</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="179" />
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="180" />
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="181" />
        <source>Status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="182" />
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="183" />
        <source>Ship by</source>
        <translation>发货剩余</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="184" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="185" />
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="221" />
        <source>Ship by {time}</source>
        <translation>发货截止 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="223" />
        <source>No promise from the platform: default promise after payment</source>
        <translation>平台未给出承诺时间：按支付后的默认承诺时效计算</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/table_model.py" line="227" />
        <source>The buyer left a note</source>
        <translation>买家有留言</translation>
    </message>
</context>
<context>
    <name>OrdersEmptyState</name>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="44" />
        <location filename="../../app/views/orders/empty_state.py" line="45" />
        <source>No orders yet — the first sync is running.</source>
        <translation>还没有订单 —— 正在进行首次同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="47" />
        <source>No orders yet — the shop can't be reached right now; sync will retry on its own.</source>
        <translation>还没有订单 —— 暂时连不上店铺，稍后会自动重试同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="50" />
        <source>No orders yet — sync needs attention (see the status bar).</source>
        <translation>还没有订单 —— 同步需要处理（见底部状态栏）。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="53" />
        <source>No orders yet. New orders appear here as soon as they are synced.</source>
        <translation>还没有订单。新订单同步后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="57" />
        <source>No “{status}” orders match “{search}”.</source>
        <translation>没有符合“{search}”的“{status}”订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="59" />
        <source>No orders match “{search}”.</source>
        <translation>没有符合“{search}”的订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="61" />
        <source>No orders are “{status}” right now.</source>
        <translation>目前没有“{status}”的订单。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/empty_state.py" line="65" />
        <source>Show all orders</source>
        <translation>显示全部订单</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../app/views/orders/view.py" line="156" />
        <source>Loading orders…</source>
        <translation>正在加载订单…</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/view.py" line="184" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/view.py" line="293" />
        <source>The selected order is not in this list any more.</source>
        <translation>所选订单已不在当前列表中。</translation>
    </message>
    <message>
        <location filename="../../app/views/orders/view.py" line="323" />
        <source>This order is no longer in the local copy.</source>
        <translation>本地数据中已没有这个订单。</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="82" />
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="99" />
        <source>Your owner account</source>
        <translation>你的店主账号</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="101" />
        <source>The owner can do everything, including adding the other people of the shop.</source>
        <translation>店主可以做所有事情，包括添加店里的其他人员。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="106" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="107" />
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="108" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="109" />
        <source>Password &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="114" />
        <source>for signing in, e.g. xiaolin</source>
        <translation>登录时使用，例如 xiaolin</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_pages.py" line="115" />
        <source>shown to colleagues, e.g. 小林</source>
        <translation>同事看到的名字，例如 小林</translation>
    </message>
</context>
<context>
    <name>PickupOverdueTable</name>
    <message>
        <location filename="../../app/views/shipping/pickup_overdue_table.py" line="41" />
        <source>refund possible now</source>
        <translation>已可自动退款</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/pickup_overdue_table.py" line="58" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/pickup_overdue_table.py" line="58" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/pickup_overdue_table.py" line="58" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/pickup_overdue_table.py" line="58" />
        <source>Platform may refund in</source>
        <translation>距自动退款</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/pickup_overdue_table.py" line="59" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../app/views/shell/i18n.py" line="36" />
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/i18n.py" line="37" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/views/shell/i18n.py" line="34" />
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/i18n.py" line="35" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueueColumns</name>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="132" />
        <location filename="../../app/views/refunds/queue_columns.py" line="182" />
        <source>{count} requests in 90 days</source>
        <translation>90 天内 {count} 次售后</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="189" />
        <location filename="../../app/views/refunds/queue_columns.py" line="196" />
        <source>return {tracking}</source>
        <translation>退货 {tracking}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="205" />
        <source>evidence: {tier}</source>
        <translation>凭证：{tier}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="238" />
        <source>Reply by {time}</source>
        <translation>须在 {time} 前处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="241" />
        <source>The deadline passed while this copy still shows the request open; the platform has probably agreed on the shop's behalf. Sync to be sure.</source>
        <translation>处理时限已过，但本机仍显示待处理；平台很可能已代商家自动同意。请同步确认。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="247" />
        <source>Rule set: {name}</source>
        <translation>规则版本：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="255" />
        <source>A decision made here is waiting to be sent to the platform.</source>
        <translation>本机的处理结果正等待提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="257" />
        <source>The platform did not take a decision on this request; see Needs attention.</source>
        <translation>平台没有接受这条售后的处理结果，请到“待处理异常”查看。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="261" />
        <source>Handed to the owner by {name}: {reason}</source>
        <translation>{name} 交给店主处理：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_columns.py" line="265" />
        <source>Hand it to the owner with H.</source>
        <translation>按 H 交给店主处理。</translation>
    </message>
</context>
<context>
    <name>QuitWarning</name>
    <message>
        <location filename="../../app/views/shell/quit_warning.py" line="26" />
        <source>Decisions not sent yet</source>
        <translation>处理结果尚未提交</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_warning.py" line="28" />
        <source>1 decision has not reached the platform yet. It is kept and will be sent next time. Quit anyway?</source>
        <translation>有 1 条处理结果还没提交到平台。它会被保留，下次打开时自动提交。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_warning.py" line="34" />
        <source>{count} decisions have not reached the platform yet. They are kept and will be sent next time. Quit anyway?</source>
        <translation>有 {count} 条处理结果还没提交到平台。它们会被保留，下次打开时自动提交。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_warning.py" line="40" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/quit_warning.py" line="41" />
        <source>Stay</source>
        <translation>留下</translation>
    </message>
</context>
<context>
    <name>RefundArbitration</name>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="50" />
        <location filename="../../app/views/refunds/arbitration_marks.py" line="57" />
        <source>evidence due</source>
        <translation>仲裁待举证</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="51" />
        <location filename="../../app/views/refunds/arbitration_marks.py" line="58" />
        <source>in arbitration</source>
        <translation>仲裁中</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="69" />
        <source>The platform's arbitration reports status {code}, which this app does not know. See the request in the platform's back office.</source>
        <translation>平台的仲裁状态为 {code}，本应用无法识别。请在平台后台查看该售后单。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="76" />
        <source>In arbitration: the platform asks for the shop's evidence by {time}. Give it in the platform's back office, or the platform decides without it.</source>
        <translation>仲裁中：平台要求商家在 {time} 前举证。请在平台后台提交凭证，逾期平台将直接裁决。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="81" />
        <source>In arbitration: the platform asks for the shop's evidence. Its deadline is not read yet; see the request in the platform's back office.</source>
        <translation>仲裁中：平台要求商家举证。尚未读取到截止时间，请在平台后台查看该售后单。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="87" />
        <source>In arbitration: the platform is judging the dispute.</source>
        <translation>仲裁中：平台正在裁决此纠纷。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="90" />
        <source>In arbitration: the platform gives the shop and the buyer time to agree first.</source>
        <translation>仲裁中：平台给商家和买家留出协商时间。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="94" />
        <source>Arbitration: the platform decided for the buyer.</source>
        <translation>仲裁结果：平台支持买家。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="97" />
        <source>Arbitration: the platform decided for the shop.</source>
        <translation>仲裁结果：平台支持商家。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="100" />
        <source>Arbitration: the platform has closed the case.</source>
        <translation>仲裁结束：平台已结案。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="103" />
        <source>Arbitration: the case was withdrawn.</source>
        <translation>仲裁已撤销。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/arbitration_marks.py" line="112" />
        <location filename="../../app/views/refunds/arbitration_marks.py" line="119" />
        <source>give evidence</source>
        <translation>去平台举证</translation>
    </message>
</context>
<context>
    <name>RefundBlockedDialog</name>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="37" />
        <source>Refund requested before shipment</source>
        <translation>发货前的退款申请</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="42" />
        <source>The buyer of order {order} asked for a refund of {amount} before shipment (request {request}).</source>
        <translation>订单 {order} 的买家在发货前申请退款 {amount}（售后单 {request}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="44" />
        <source>The buyer of order {order} asked for a refund before shipment (request {request}).</source>
        <translation>订单 {order} 的买家在发货前申请退款（售后单 {request}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="53" />
        <source>The platform refuses such a request only when the order ships: shipping now (tracking number {tracking}) refuses the refund, the order shows as shipped and the buyer's request closes as refused.</source>
        <translation>平台只有在订单发货时才会拒绝这类申请：现在发货（运单号 {tracking}）即拒绝退款，订单显示为已发货，买家的退款申请以“已拒绝”关闭。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="59" />
        <source>Ship only if the buyer should receive the parcel. To refund instead, cancel and approve the refund in Refunds.</source>
        <translation>仅在买家应当收到包裹时才发货。如要退款，请取消，并在“售后审核”中同意退款。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="64" />
        <source>Refusing a refund is for the owner or customer service. Leave this order to them and put the parcel aside: they approve the refund, or refuse it by shipping with this tracking number.</source>
        <translation>拒绝退款需由店主或客服决定。请把这笔订单交给他们，包裹先放在一边：他们可以同意退款，或用这个运单号发货拒绝退款。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="72" />
        <source>Ship and refuse the refund</source>
        <translation>发货并拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="77" />
        <source>Leave it to customer service</source>
        <translation>交给客服处理</translation>
    </message>
</context>
<context>
    <name>RefundDetailPane</name>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="141" />
        <source>This request is no longer in the local copy.</source>
        <translation>本机数据中已没有这条售后。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="173" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="227" />
        <source>Select a request to see the order, the buyer's evidence and its history.</source>
        <translation>选择一条售后，查看订单、买家凭证和处理记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="242" />
        <source>The buyer says</source>
        <translation>买家说明</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="243" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="244" />
        <source>Shipping and return</source>
        <translation>发货与退货物流</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="245" />
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="253" />
        <source>expired — probably decided by the platform</source>
        <translation>已超时——平台可能已自动同意</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="259" />
        <source>reply by {time}</source>
        <translation>须在 {time} 前处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="264" />
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="269" />
        <source>Reply within</source>
        <translation>剩余处理时间</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="273" />
        <source>Rule</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="274" />
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="276" />
        <source>Suggestion</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="286" />
        <source>pending — waiting to be sent to the platform</source>
        <translation>待提交——等待发送给平台</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="306" />
        <source>refund status {code}, unknown to this app</source>
        <translation>退款状态 {code}，本应用无法识别</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="317" />
        <source>Note on the order: {words}</source>
        <translation>订单留言：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="326" />
        <source>No evidence images.</source>
        <translation>买家未上传凭证图片。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="348" />
        <location filename="../../app/views/refunds/detail_pane.py" line="357" />
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="355" />
        <source>Sent</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="355" />
        <source>Not shipped yet.</source>
        <translation>尚未发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="360" />
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="32" />
        <source>The buyer applied for {kind}</source>
        <translation>买家申请{kind}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="39" />
        <source>{who}: {action}</source>
        <translation>{who}：{action}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="46" />
        <source>Sent to the platform: {state}</source>
        <translation>提交平台：{state}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="50" />
        <source>the platform said: {words}</source>
        <translation>平台提示：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="372" />
        <source>ours: the project's estimate, not a published rule</source>
        <translation>本软件估算，非平台公布的规则</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_pane.py" line="373" />
        <source>{source}, in force since {date}</source>
        <translation>{source}，自 {date} 起施行</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="65" />
        <source>approved the refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="66" />
        <source>refused the refund</source>
        <translation>拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="67" />
        <source>agreed to the return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="68" />
        <source>refused the return</source>
        <translation>拒绝退货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="69" />
        <source>inspected the returned goods</source>
        <translation>完成退货验货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="70" />
        <source>agreed to the exchange</source>
        <translation>同意换货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="71" />
        <source>sent the goods</source>
        <translation>寄出了商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="72" />
        <source>discarded a decision</source>
        <translation>放弃了一条处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="73" />
        <source>applied a decision again</source>
        <translation>重新提交了处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="74" />
        <source>handed it to the owner</source>
        <translation>交给了店主</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="75" />
        <source>handed it back</source>
        <translation>退回了客服</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="83" />
        <source>waiting to be sent</source>
        <translation>待提交</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="84" />
        <source>sending</source>
        <translation>提交中</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="85" />
        <source>done</source>
        <translation>平台已确认</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="86" />
        <source>refused by the platform</source>
        <translation>平台拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="87" />
        <source>the request had changed</source>
        <translation>售后单已变化</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/detail_history.py" line="88" />
        <source>discarded</source>
        <translation>已放弃</translation>
    </message>
</context>
<context>
    <name>RefundLimitFields</name>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="109" />
        <source>Refund limit, &amp;one refund (¥):</source>
        <translation>单笔退款上限(&amp;O)（¥）：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="110" />
        <source>Refund limit, &amp;per day (¥):</source>
        <translation>每日退款上限(&amp;P)（¥）：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="143" />
        <source>“{text}” is not an amount. Write it like 200 or 49.90.</source>
        <translation>“{text}”不是一个金额。请写成 200 或 49.90 这样。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="146" />
        <source>“{text}” is not an amount in yuan. Write it like 200 or 49.90.</source>
        <translation>“{text}”不是以元为单位的金额。请写成 200 或 49.90 这样。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="152" />
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="157" />
        <source>Customer service decides refunds up to these amounts; leave them empty and every refund waits for the owner.</source>
        <translation>客服可以自行处理不超过这些金额的退款；留空则所有退款都由店主处理。</translation>
    </message>
</context>
<context>
    <name>RefundLimitsDialog</name>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="184" />
        <source>Refund limits for {name}</source>
        <translation>{name} 的退款上限</translation>
    </message>
</context>
<context>
    <name>RefundQueueModel</name>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="160" />
        <source>Reply within</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="161" />
        <source>Sent</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="162" />
        <source>Type</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="163" />
        <source>Reason</source>
        <translation>售后原因</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="164" />
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="166" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="167" />
        <source>Order</source>
        <translation>订单与物流</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="168" />
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="169" />
        <source>Rule</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="165" />
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="141" />
        <source>expired — probably decided by the platform</source>
        <translation>已超时——平台可能已自动同意</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="142" />
        <source>pending</source>
        <translation>待提交</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="143" />
        <source>auto {time}</source>
        <translation>{time} 自动</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="144" />
        <source>picture review</source>
        <translation>图片审核中</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="145" />
        <source>needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="146" />
        <source>with the owner</source>
        <translation>已交店主</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="147" />
        <source>owner decides</source>
        <translation>需店主处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="148" />
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="149" />
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="150" />
        <source>Inspect</source>
        <translation>验货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="151" />
        <source>Review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="152" />
        <source>window open</source>
        <translation>在时限内</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="153" />
        <source>window closed</source>
        <translation>已过时限</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="154" />
        <source>not shipped</source>
        <translation>未发货</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="155" />
        <source>tracking uploaded</source>
        <translation>已上传单号</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="156" />
        <source>first request</source>
        <translation>首次申请</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_model.py" line="174" />
        <source>This column does not sort</source>
        <translation>此列不能排序</translation>
    </message>
</context>
<context>
    <name>RefundQueueView</name>
    <message>
        <location filename="../../app/views/refunds/queue_view.py" line="180" />
        <source>Refunds</source>
        <translation>售后审核</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_view.py" line="326" />
        <source>The selected request is not in this list any more.</source>
        <translation>选中的售后已不在列表中。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_view.py" line="372" />
        <source>{id}: {product}, {amount} — reply by {time}</source>
        <translation>{id}：{product}，{amount}——请在 {time} 前处理</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_view.py" line="377" />
        <source>Refund request due within the hour</source>
        <translation>售后即将超时（1 小时内）</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_view.py" line="402" />
        <source>Nothing waits for a decision. New requests appear here as they sync.</source>
        <translation>暂无待处理售后。新的售后同步后会出现在这里。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/queue_view.py" line="405" />
        <source>No requests match these filters.</source>
        <translation>没有符合筛选条件的售后。</translation>
    </message>
</context>
<context>
    <name>RefusalFields</name>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="122" />
        <source>Evidence images</source>
        <translation>凭证图片</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="122" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="129" />
        <source>The platform's refusal reasons have not been fetched yet; connect once first.</source>
        <translation>还没有获取平台的拒绝原因列表，请先联网同步一次。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="131" />
        <source>Choose a refusal reason.</source>
        <translation>请选择拒绝原因。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="133" />
        <source>Write a remark for the buyer explaining the refusal.</source>
        <translation>请填写给买家的拒绝说明。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="135" />
        <source>This reason needs evidence images. Add at least one.</source>
        <translation>该拒绝原因需要上传凭证图片，请至少添加一张。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="156" />
        <source>This reason needs at least one picture.</source>
        <translation>该原因至少需要一张凭证图片。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="158" />
        <source>Pictures are optional.</source>
        <translation>凭证图片可选。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="162" />
        <source>Reason:</source>
        <translation>拒绝原因：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="164" />
        <source>Choose a reason (the rule suggests: {reason})</source>
        <translation>请选择原因（规则建议：{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="166" />
        <source>Choose a reason</source>
        <translation>请选择原因</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="168" />
        <source>Remark to the buyer:</source>
        <translation>给买家的说明：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="169" />
        <source>Evidence:</source>
        <translation>凭证：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="170" />
        <source>Add images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="171" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>RefuseByShippingDialog</name>
    <message>
        <location filename="../../app/views/refunds/refuse_by_shipping_dialog.py" line="39" />
        <source>Refuse by shipping</source>
        <translation>发货拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refuse_by_shipping_dialog.py" line="41" />
        <source>The buyer asked for this refund before order {order} shipped. The platform takes no refusal for such a request: the only way to refuse it is to ship the order.

Shipping sends the parcel out and closes the request as refused. Do it only if the buyer should receive the parcel.</source>
        <translation>买家在订单 {order} 发货前申请了这笔退款。平台不接受对这类申请的拒绝操作：唯一的拒绝方式是发货。

发货后包裹寄出，退款申请以“已拒绝”关闭。仅在买家应当收到这件包裹时才这样做。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refuse_by_shipping_dialog.py" line="46" />
        <source>Ship and refuse the refund</source>
        <translation>发货并拒绝退款</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="207" />
        <source>Refuse request</source>
        <translation>拒绝售后</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="211" />
        <source>The buyer sees the reason and your remark and may take it to the platform.</source>
        <translation>买家会看到拒绝原因和你的说明，并可能申请平台介入。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/refusal_dialogs.py" line="213" />
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="195" />
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="196" />
        <source>Password &amp;again:</source>
        <translation>再输一次密码(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="207" />
        <source>New password for {name}</source>
        <translation>为 {name} 设置新密码</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="106" />
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="107" />
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="108" />
        <source>Request kind:</source>
        <translation>申请类型：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="109" />
        <source>Reason &amp;mentions:</source>
        <translation>原因包含(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="110" />
        <source>&amp;Amount up to (¥):</source>
        <translation>金额不超过(&amp;A)（¥）：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="111" />
        <source>&amp;Product name mentions:</source>
        <translation>商品名称包含(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="112" />
        <source>Goods:</source>
        <translation>货物：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="113" />
        <source>Buyer's earlier requests at most:</source>
        <translation>买家此前申请最多：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="114" />
        <source>Of them refused, at most:</source>
        <translation>其中被拒最多：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="115" />
        <source>&amp;Hours left before the deadline, at least:</source>
        <translation>距处理时限至少(&amp;H)（小时）：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="116" />
        <source>&amp;Then:</source>
        <translation>处理方式(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="117" />
        <source>&amp;Undo window:</source>
        <translation>撤销等待(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="118" />
        <source>Daily &amp;limit (¥):</source>
        <translation>每日上限(&amp;L)（¥）：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="119" />
        <source>Return address ID:</source>
        <translation>退货地址 ID：</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="239" />
        <source>“{text}” is not an amount. Write it like 50 or 49.90.</source>
        <translation>“{text}”不是金额，请写成 50 或 49.90 这样。</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="257" />
        <source>Edit the rule</source>
        <translation>编辑规则</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="257" />
        <source>A new rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="262" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="264" />
        <source>any (words separated by commas)</source>
        <translation>不限（多个词用逗号隔开）</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="268" />
        <source>not shipped yet</source>
        <translation>尚未发货</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="269" />
        <source>parcel not picked up yet</source>
        <translation>包裹尚未揽收</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="273" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="274" />
        <source>needed for refunds</source>
        <translation>同意退款时必填</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="275" />
        <source>the shop's default address</source>
        <translation>店铺默认退货地址</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="276" />
        <source>Keep as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_editor.py" line="276" />
        <source>Keep</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RuleListModel</name>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="91" />
        <source>Place</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="91" />
        <source>Rule name</source>
        <translation>规则名称</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="91" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="91" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="92" />
        <source>Switched on by</source>
        <translation>启用人</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="92" />
        <source>What it does</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="92" />
        <source>When a request…</source>
        <translation>适用的申请</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <location filename="../../app/views/rules/view.py" line="142" />
        <location filename="../../app/views/shell/screen_list.py" line="107" />
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="157" />
        <source>The shop's own rule sets could not be read: {error}</source>
        <translation>未能读取本店自定的规则集：{error}</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="169" />
        <source>this shop, on the platform's</source>
        <translation>本店自定（叠加在平台规则上）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="169" />
        <source>the platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="172" />
        <source>{day} 00:00 ({zone})</source>
        <translation>{day} 00:00（{zone}）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="177" />
        <source>{sourced} with a public source; the others ours</source>
        <translation>{sourced} 项有公开出处，其余为本项目估计</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="208" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="208" />
        <location filename="../../app/views/rules/view.py" line="209" />
        <source>Source in {name}</source>
        <translation>{name} 的出处</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="216" />
        <source>{changed} of {values} values differ.</source>
        <translation>{values} 项中有 {changed} 项不同。</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="218" />
        <source>The same rule set on both sides: pick an earlier one to see what changed.</source>
        <translation>两边是同一个规则集：选一个较早的规则集，才能看到改了什么。</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="235" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="240" />
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="241" />
        <source>UTC-8, TikTok Shop's PST all year</source>
        <translation>西八区（太平洋标准时间，全年）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="247" />
        <source>ours (the project's estimate)</source>
        <translation>本项目估计</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="249" />
        <source>the shop's own set {name}</source>
        <translation>本店自定规则集「{name}」</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="286" />
        <source>Each rule set is in force from 00:00 of its day in the shop's time zone until the next; every figure is worked out with the set in force when its event happened (an order's payment, a request's application, the day scored).</source>
        <translation>每个规则集从生效日 00:00（店铺所在时区）起适用，直到下一个规则集生效；每个数字都按事情发生时适用的规则集计算（订单按付款时间，售后按申请时间，指标按所统计的那一天）。</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="291" />
        <source>Douyin</source>
        <translation>抖店</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="291" />
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="294" />
        <source>Add the shop's own rule set…</source>
        <translation>添加本店规则集…</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="296" />
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="296" />
        <source>In force from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="296" />
        <source>Whose</source>
        <translation>制定方</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="296" />
        <source>Values</source>
        <translation>规则项数</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="297" />
        <source>Sources</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="299" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="300" />
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/view.py" line="301" />
        <source>Only what changed</source>
        <translation>只看有改动的</translation>
    </message>
</context>
<context>
    <name>ScanBar</name>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="124" />
        <location filename="../../app/views/shipping/scan_bar.py" line="273" />
        <source>Recognise from the number</source>
        <translation>按运单号自动识别</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="137" />
        <source>✓ {order} shipped with {carrier}, {tracking}. Scan the next order.</source>
        <translation>✓ {order} 已发货：{carrier} {tracking}。请扫下一单。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="187" />
        <source>{order} is not waiting to ship. Check the number.</source>
        <translation>{order} 不是待发货订单，请核对单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="194" />
        <source>{order}: {what} — printing its label…</source>
        <translation>{order}：{what} — 正在打印面单…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="199" />
        <source>{order}: {what} — scan the tracking number.</source>
        <translation>{order}：{what}——请扫运单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="208" />
        <source>Scan the order number first.</source>
        <translation>请先扫订单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="215" />
        <source>Scan the tracking number.</source>
        <translation>请扫运单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="227" />
        <source>This number fits no carrier's format. Scan the parcel label's tracking barcode again, or choose the carrier.</source>
        <translation>这个单号不符合任何快递公司的格式。请重新扫描面单上的运单条码，或选择快递公司。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="231" />
        <source>Choose the carrier: this number fits {carriers}.</source>
        <translation>请选择快递公司：这个单号可能属于 {carriers}。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="237" />
        <source>Shipping {order}…</source>
        <translation>正在发货 {order}…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="244" />
        <source>Press Enter to ship {order}.</source>
        <translation>按 Enter 发货 {order}。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="262" />
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="263" />
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="264" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="265" />
        <source>Scan the packing slip's barcode</source>
        <translation>扫发货单上的条码</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="266" />
        <source>Scan the parcel label</source>
        <translation>扫快递面单</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="267" />
        <source>Ship (Enter)</source>
        <translation>发货（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="268" />
        <source>Print label and ship</source>
        <translation>打印面单并发货</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="270" />
        <source>TikTok Shipping: scan the order, its label prints and the order ships with its number.</source>
        <translation>TikTok 物流：扫描订单，面单自动打印，订单按面单上的运单号发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/scan_bar.py" line="275" />
        <location filename="../../app/views/shipping/scan_bar.py" line="287" />
        <source>Scan an order number to start.</source>
        <translation>扫订单号开始发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/carrier_hint.py" line="43" />
        <source>Recognised: {carrier}</source>
        <translation>识别为：{carrier}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/carrier_hint.py" line="48" />
        <source>Could be {carriers}</source>
        <translation>可能是 {carriers}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/carrier_hint.py" line="51" />
        <source>No carrier recognised</source>
        <translation>未识别出快递公司</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/carrier_hint.py" line="55" />
        <source>Fits {carrier}</source>
        <translation>符合{carrier}的单号格式</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/carrier_hint.py" line="56" />
        <source>Not a {carrier} number</source>
        <translation>不是{carrier}的单号</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="174" />
        <source>Rule set {name}, in force since {date}. An estimate from this shop's own figures.</source>
        <translation>规则集 {name}，{date} 起生效。根据本店自己的数据估算。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="178" />
        <source>Weights: this shop's own</source>
        <translation>权重：本店自定义</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="180" />
        <source>Weights: the rule set's defaults</source>
        <translation>权重：规则集默认值</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="184" />
        <source>Experience score (estimate)</source>
        <translation>体验分（估算）</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="185" />
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="188" />
        <source>Each indicator's value over the window becomes {low}–{high} points on the rule set's bands. Points are weighted within their dimension, and the dimensions into the score; the contributions add up to it. An indicator with nothing to measure is left out and the others share its weight.</source>
        <translation>每项指标在统计期内的数值按规则集的分段换算为 {low}–{high} 分；各指标在所属维度内加权，各维度再加权得出总分，各项贡献之和即为总分。没有数据的指标不计入，其权重由同维度其他指标分摊。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="195" />
        <source>How much each dimension and indicator counts in the estimate</source>
        <translation>各维度和指标在估算中所占的比重</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="198" />
        <source>Dimension / indicator</source>
        <translation>维度 / 指标</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="198" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="198" />
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="198" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_panel.py" line="199" />
        <source>Contribution</source>
        <translation>贡献</translation>
    </message>
</context>
<context>
    <name>ScoreWeightsDialog</name>
    <message>
        <location filename="../../app/views/dashboard/score_weights_dialog.py" line="161" />
        <source>At least one dimension needs a weight above 0.</source>
        <translation>至少要有一个维度的权重大于 0。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_weights_dialog.py" line="166" />
        <source>Experience score weights</source>
        <translation>体验分权重</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_weights_dialog.py" line="169" />
        <source>Douyin weighs the score differently in each industry. Each number counts against its neighbours: the dimensions against each other, and each indicator within its dimension. The defaults are rule set {name}'s.</source>
        <translation>抖音在不同行业使用不同的权重。每个数字按同级比较：维度之间相互比较，指标在所属维度内比较。默认值来自规则集 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/score_weights_dialog.py" line="176" />
        <source>The dimension as a whole</source>
        <translation>该维度整体</translation>
    </message>
</context>
<context>
    <name>ScreenWiring</name>
    <message>
        <location filename="../../app/views/shell/screen_wiring.py" line="87" />
        <source>Order {order} is not in the local copy.</source>
        <translation>本地数据中没有订单 {order}。</translation>
    </message>
</context>
<context>
    <name>SendGoodsDialog</name>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="59" />
        <source>&amp;Tracking number:</source>
        <translation>运单号(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="60" />
        <source>&amp;Carrier:</source>
        <translation>快递公司(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="79" />
        <source>Enter or scan the tracking number of the parcel you send.</source>
        <translation>请输入或扫描寄出包裹的运单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="84" />
        <source>Choose the carrier: this number fits {carriers}.</source>
        <translation>请选择快递公司：这个单号可能属于 {carriers}。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="87" />
        <source>No carrier's numbers look like this one. Check the number, or choose the carrier.</source>
        <translation>没有哪家快递的单号是这个样子。请检查单号，或选择快递公司。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="109" />
        <source>Confirm receipt and send the repaired goods</source>
        <translation>确认收货并寄回维修好的商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="111" />
        <source>The buyer's goods arrived. Send them back repaired and enter the parcel's carrier and tracking number: the platform passes them to the buyer.</source>
        <translation>买家寄回的商品已收到。维修后寄回，并填写包裹的快递公司和运单号：平台会告知买家。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="114" />
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="123" />
        <source>Confirm and send</source>
        <translation>确认并寄出</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="118" />
        <source>Confirm receipt and send the new goods</source>
        <translation>确认收货并寄出新商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="120" />
        <source>The goods the buyer sent back arrived. Send the new goods and enter the parcel's carrier and tracking number: the platform passes them to the buyer.</source>
        <translation>买家退回的商品已收到。请寄出新商品，并填写包裹的快递公司和运单号：平台会告知买家。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="127" />
        <source>Send the repaired goods</source>
        <translation>寄回维修好的商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="128" />
        <source>Enter the carrier and tracking number of the parcel with the repaired goods.</source>
        <translation>请填写寄回维修商品的包裹的快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="129" />
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="136" />
        <source>Send</source>
        <translation>寄出</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="132" />
        <source>Send the resend</source>
        <translation>寄出补寄商品</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="134" />
        <source>Send the missing or replacement items and enter the parcel's carrier and tracking number.</source>
        <translation>寄出漏发或补寄的商品，并填写包裹的快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="145" />
        <source>Recognise from the number</source>
        <translation>按运单号自动识别</translation>
    </message>
    <message>
        <location filename="../../app/views/refunds/exchange_dialogs.py" line="146" />
        <source>Scan the parcel label</source>
        <translation>扫快递面单</translation>
    </message>
</context>
<context>
    <name>SetAsideTable</name>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="97" />
        <source>An order whose number could not be read</source>
        <translation>一个订单号无法识别的订单</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="99" />
        <source>An after-sale request whose number could not be read</source>
        <translation>一个单号无法识别的售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="102" />
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="104" />
        <source>After-sale request {request}</source>
        <translation>售后单 {request}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="106" />
        <source>dated {time}</source>
        <translation>记录时间：{time}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="111" />
        <source>again {time}</source>
        <translation>最近一次：{time}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="118" />
        <source>Detail: {detail}
As received: {raw}</source>
        <translation>详情：{detail}
收到的原始内容：{raw}</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="133" />
        <source>Take this record off the list once you have dealt with it in the platform's own back office. It stays kept as received; a later bad version comes back.</source>
        <translation>在平台后台处理好这条记录后，可将它移出列表。它仍按原样留存；平台之后若再发来有问题的新版本，会重新列出。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="138" />
        <source>Only the shop owner can dismiss a record.</source>
        <translation>只有店主可以忽略记录。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="160" />
        <source>The platform sent these records in a form this computer cannot keep. They are kept as received and the sync went on without them. A corrected version from the platform replaces each one on its own; if one stays, tell the platform's support its number. Once you have dealt with one in the platform's own back office, the owner can dismiss it.</source>
        <translation>平台发来的这些记录格式有问题，本机无法保存。它们已按原样留存，同步没有因此中断。平台发来更正后的版本时会自动替换；如果某条一直留在这里，请把它的单号告诉平台客服。在平台后台处理好某条记录后，店主可以将其忽略。</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="167" />
        <source>Order or request</source>
        <translation>订单或售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="167" />
        <source>First received</source>
        <translation>首次收到</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="167" />
        <source>What is wrong</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../app/views/attention/set_aside_table.py" line="169" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="123" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="124" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="125" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="126" />
        <source>The new language applies at once and is remembered.</source>
        <translation>新的语言立即生效，并会记住。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="127" />
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="128" />
        <source>Change shop…</source>
        <translation>更换店铺…</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="133" />
        <source>The demo TikTok shop on this computer</source>
        <translation>本机的 TikTok 演示店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="135" />
        <source>The demo shop on this computer</source>
        <translation>本机的演示店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="139" />
        <source>TikTok Shop: {name} (shop id {shop_id})</source>
        <translation>TikTok Shop：「{name}」（店铺 ID {shop_id}）</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/settings_dialog.py" line="143" />
        <source>Shop {shop_id}</source>
        <translation>店铺 {shop_id}</translation>
    </message>
</context>
<context>
    <name>ShipmentImportDialog</name>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="202" />
        <source>Choose a shipping file</source>
        <translation>选择发货文件</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="204" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="216" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="239" />
        <source>Shipping {count} orders…</source>
        <translation>正在发货 {count} 单…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="246" />
        <source>Checking {count} rows…</source>
        <translation>正在检查 {count} 行…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="316" />
        <source>Row {row}: {status}</source>
        <translation>第 {row} 行：{status}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="321" />
        <source>Ship orders from a file</source>
        <translation>从文件批量发货</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="322" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="324" />
        <source>No file chosen yet.</source>
        <translation>还没有选择文件。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="326" />
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="330" />
        <source>One row per parcel, with columns for the order id (订单号), the carrier (快递公司; left empty, it is read from the tracking number) and the tracking number (运单号), in any order. Nothing is sent until you press Ship.</source>
        <translation>每个包裹一行，表格要有“订单号”“快递公司”“运单号”三列，顺序不限；“快递公司”留空时按运单号识别。点“发货”按钮之前不会提交任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="341" />
        <source>{ready} ready, {problems} with problems</source>
        <translation>{ready} 行可发货，{problems} 行有问题</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="346" />
        <source>Ship 1 order</source>
        <translation>发货 1 单</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/import_dialog.py" line="348" />
        <source>Ship {count} orders</source>
        <translation>发货 {count} 单</translation>
    </message>
</context>
<context>
    <name>ShippingBoardModel</name>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="213" />
        <source>Ship within</source>
        <translation>发货剩余</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="214" />
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="215" />
        <source>Promise</source>
        <translation>承诺时效</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="216" />
        <source>To pick</source>
        <translation>待拣商品</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="217" />
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="218" />
        <source>Buyer's note</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="219" />
        <source>If late</source>
        <translation>超时赔付</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="220" />
        <source>If not shipped</source>
        <translation>缺货赔付</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="221" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="283" />
        <source>{lane} · {count}</source>
        <translation>{lane} · {count}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="366" />
        <source>The buyer asked for a refund of {amount} before shipment (request {request}).</source>
        <translation>买家在发货前申请退款 {amount}（售后单 {request}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="368" />
        <source>The buyer asked for a refund before shipment (request {request}).</source>
        <translation>买家在发货前申请了退款（售后单 {request}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="374" />
        <source>The platform takes no other refusal: shipping this order refuses the refund, the parcel goes out and the request closes as refused. Ship it only if the buyer should receive it; otherwise leave it to customer service, who may approve the refund instead.</source>
        <translation>平台不接受其他方式的拒绝：发出这笔订单即拒绝退款，包裹寄出，退款申请以“已拒绝”关闭。仅在买家应当收到包裹时才发货；否则交给客服处理，客服也可以同意退款。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="226" />
        <source>Sending {tracking}</source>
        <translation>提交中：{tracking}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="320" />
        <source>Tomorrow · paid after {hour}:00</source>
        <translation>次日发 · {hour}点后付款</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="333" />
        <source>Paid {paid}, after the {hour}:00 same-day cut-off: a same-day order paid then ships by the end of the next day, {deadline}. A next-day order paid then has the same deadline.</source>
        <translation>{paid} 付款，晚于当日发 {hour}:00 的截单时间：此时付款的当日发订单须在次日结束前发货，即 {deadline}前。此时付款的次日发订单截止时间相同。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="337" />
        <source>Same-day promise: paid {paid}, before {hour}:00, so it ships by {deadline}.</source>
        <translation>当日发：{paid} 付款，早于 {hour}:00，须在 {deadline}前发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="339" />
        <source>Next-day promise: paid {paid}, it ships by the end of the next day, {deadline}.</source>
        <translation>次日发：{paid} 付款，须在次日结束前发货，即 {deadline}前。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="341" />
        <source>Ships within 48 hours of payment ({paid}), by {deadline}.</source>
        <translation>付款（{paid}）后 48 小时内发货，即 {deadline}前。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="343" />
        <source>Presale: ships by {deadline}, the date the product page promised.</source>
        <translation>预售：按商品页承诺，须在 {deadline}前发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="345" />
        <source>The platform's ship-by time: {deadline}.</source>
        <translation>平台给出的最晚发货时间：{deadline}。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="294" />
        <source>Ship by {time}</source>
        <translation>发货截止 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="314" />
        <source>Refund asked · shipping refuses it</source>
        <translation>买家申请退款 · 发货即拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_model.py" line="353" />
        <source>Shipped late (up to 48 h): {late} to the buyer. Not shipped 48 h after the deadline: {out_of_stock}, counted as out of stock. Rule set: {rule_set}</source>
        <translation>延迟发货（48 小时内）：赔付买家 {late}。超过发货截止 48 小时仍未发货：按缺货赔付 {out_of_stock}。规则版本：{rule_set}</translation>
    </message>
</context>
<context>
    <name>ShippingBoardView</name>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="201" />
        <source>Shipping</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="270" />
        <location filename="../../app/views/shipping/board_view.py" line="351" />
        <source>All carriers</source>
        <translation>全部快递公司</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="282" />
        <source>{pieces} pcs: {items}</source>
        <translation>{pieces} 件：{items}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="284" />
        <source>the buyer asked for a refund: shipping refuses it</source>
        <translation>买家已申请退款：发货即拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="339" />
        <source>Order due to ship within 2 hours</source>
        <translation>订单需在 2 小时内发货</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="340" />
        <source>{order}: {items} — ship by {time}</source>
        <translation>{order}：{items}——发货截止 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="349" />
        <source>Filter by product or spec</source>
        <translation>按商品或规格筛选</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="352" />
        <source>Pick list…</source>
        <translation>打印拣货单…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="353" />
        <source>Packing slips…</source>
        <translation>打印发货单…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="354" />
        <source>Ship from a file…</source>
        <translation>从文件批量发货…</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="391" />
        <source>To ship · {count}</source>
        <translation>待发货 · {count}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/board_view.py" line="392" />
        <source>No pickup scan · {count}</source>
        <translation>未揽收 · {count}</translation>
    </message>
</context>
<context>
    <name>ShippingFlow</name>
    <message>
        <location filename="../../app/views/shipping/ship_flow.py" line="124" />
        <source>Sign in to ship orders.</source>
        <translation>请先登录再发货。</translation>
    </message>
</context>
<context>
    <name>ShopAlerts</name>
    <message>
        <location filename="../../app/views/shell/shop_alerts.py" line="85" />
        <source>Refund request due in {shop}</source>
        <translation>{shop}：售后申请即将到期</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_alerts.py" line="86" />
        <source>Request {id} (order {order}): {left}</source>
        <translation>申请 {id}（订单 {order}）：{left}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_alerts.py" line="88" />
        <source>Order to ship in {shop}</source>
        <translation>{shop}：订单即将超时发货</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_alerts.py" line="89" />
        <source>Order {order} must ship: {left}</source>
        <translation>订单 {order} 需尽快发货：{left}</translation>
    </message>
</context>
<context>
    <name>ShopDatabaseSection</name>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="170" />
        <location filename="../../app/views/setup/shop_database_section.py" line="360" />
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="227" />
        <source>Restart AfterSales Desk?</source>
        <translation>重新启动售后工作台？</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="228" />
        <source>The shop database changes when AfterSales Desk restarts. Restart now?</source>
        <translation>店铺数据库将在售后工作台重新启动后更换。现在重新启动吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="229" />
        <source>Restart now</source>
        <translation>现在重启</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="230" />
        <source>Later</source>
        <translation>明天以后</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="235" />
        <location filename="../../app/views/setup/shop_database_section.py" line="362" />
        <source>Saved. Takes effect when AfterSales Desk restarts.</source>
        <translation>已保存。售后工作台重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="252" />
        <source>Save without a working test?</source>
        <translation>未经测试成功就保存？</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="254" />
        <source>The connection to this database has not been tested successfully. If the details are wrong, AfterSales Desk will not start until they are put right. Save anyway?</source>
        <translation>与这个数据库的连接尚未测试成功。如果信息有误，售后工作台在改正之前将无法启动。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="257" />
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="212" />
        <location filename="../../app/views/setup/shop_database_section.py" line="258" />
        <location filename="../../app/views/setup/shop_database_section.py" line="271" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="203" />
        <source>Decisions are still waiting to be sent</source>
        <translation>还有处理结果等待提交</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/setup/shop_database_section.py" line="205" />
        <source>%n decision(s) made here have not reached the platform yet. They stay in the database this computer uses now and are sent only when it is used again. Wait until the “waiting to be sent” badge is gone, then switch. Switch anyway?</source>
        <translation>
            <numerusform>在这里做出的 %n 条处理结果还没有提交到平台。它们留在这台电脑当前使用的数据库里，只有再次使用这个数据库时才会提交。请等“待提交”标记消失后再切换。仍要切换吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="211" />
        <source>Switch anyway</source>
        <translation>仍然切换</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="268" />
        <source>Keep the password in a file?</source>
        <translation>把密码保存在文件里？</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="270" />
        <source>Use a protected file</source>
        <translation>使用受保护的文件</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="334" />
        <source>Leave empty to keep the saved password</source>
        <translation>留空则沿用已保存的密码</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="338" />
        <source>Shop database</source>
        <translation>店铺数据库</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="339" />
        <source>Only this computer</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="340" />
        <source>A shared shop database (PostgreSQL)</source>
        <translation>多台电脑共用的店铺数据库（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="344" />
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="345" />
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="346" />
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="347" />
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="348" />
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="353" />
        <source>e.g. 192.168.1.20 or shop-server</source>
        <translation>例如 192.168.1.20 或 shop-server</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="354" />
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="355" />
        <source>Save database choice…</source>
        <translation>保存数据库设置…</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_database_section.py" line="356" />
        <source>Takes effect when AfterSales Desk restarts</source>
        <translation>售后工作台重新启动后生效</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="203" />
        <source>Enter the app key from the 抖店 open platform.</source>
        <translation>请填写抖店开放平台上的 App Key。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="205" />
        <source>The app key is a number (digits only); copy it again from the open platform.</source>
        <translation>App Key 只由数字组成，请从开放平台重新复制。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="217" />
        <source>Enter the app secret.</source>
        <translation>请填写 App Secret。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="221" />
        <source>The app secret has no spaces; copy it again from the open platform.</source>
        <translation>App Secret 里没有空格，请从开放平台重新复制。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="210" />
        <source>Enter the shop id.</source>
        <translation>请填写店铺 ID。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="212" />
        <source>The shop id is a number (digits only).</source>
        <translation>店铺 ID 只由数字组成。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="220" />
        <source>The app secret has no spaces; copy it again from Partner Center.</source>
        <translation>App Secret 里没有空格，请从合作伙伴中心重新复制。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="226" />
        <source>Enter the app key from TikTok Shop Partner Center.</source>
        <translation>请填写 TikTok Shop 合作伙伴中心（Partner Center）里的 App Key。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="228" />
        <source>The app key has no spaces; copy it again from Partner Center.</source>
        <translation>App Key 里没有空格，请从合作伙伴中心重新复制。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="257" />
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="265" />
        <source>The platform said: {words}</source>
        <translation>平台的原话：{words}</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="332" />
        <source>Authorization code found in the address: {code}</source>
        <translation>已从网址中找到授权码：{code}</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="340" />
        <source>Your shop</source>
        <translation>你的店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="342" />
        <source>Choose where your shop sells, then start with a demo shop or connect your shop now.</source>
        <translation>先选店铺所在的平台，然后用演示店铺看看，或者现在就连接你的店铺。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="344" />
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="345" />
        <source>抖店 (Douyin)</source>
        <translation>抖店</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="346" />
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="348" />
        <source>Try with the demo TikTok shop (English, US dollars)</source>
        <translation>先用 TikTok 演示店铺试试（英文数据，美元）</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="349" />
        <source>Connect my TikTok shop</source>
        <translation>连接我的 TikTok 店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="351" />
        <source>Try with the demo shop (recommended for a first look)</source>
        <translation>先用演示店铺试试（第一次使用推荐）</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="352" />
        <source>Connect my shop</source>
        <translation>连接我的店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="356" />
        <source>App &amp;key:</source>
        <translation>App &amp;Key：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="357" />
        <source>App &amp;secret:</source>
        <translation>App &amp;Secret：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="358" />
        <source>Shop &amp;id:</source>
        <translation>店铺 ID(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="359" />
        <source>Authorization &amp;code:</source>
        <translation>授权码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="360" />
        <source>&amp;Gateway:</source>
        <translation>网关地址(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="365" />
        <source>the code, or the whole address with ?code=… in it</source>
        <translation>授权码，或带有 ?code=… 的完整网址</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="366" />
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="369" />
        <source>Press Test connection before going on: TikTok's authorization code works only once, and the test exchanges it for the keys this desk keeps.</source>
        <translation>继续之前请先点“测试连接”：TikTok 的授权码只能用一次，测试时会用它换取本工作台保存的店铺密钥。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="374" />
        <source>Store the secret in a protected file on this computer instead</source>
        <translation>改为把密钥保存在这台电脑上受保护的文件里</translation>
    </message>
</context>
<context>
    <name>ShopRuleSetDialog</name>
    <message>
        <location filename="../../app/views/rules/shop_set_dialog.py" line="51" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/shop_set_dialog.py" line="52" />
        <source>In force from (00:00, the shop's day)</source>
        <translation>生效日期（店铺当地 00:00 起）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/shop_set_dialog.py" line="53" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/shop_set_dialog.py" line="54" />
        <source>The shop's value</source>
        <translation>本店的值</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/shop_set_dialog.py" line="55" />
        <source>Why (shown as its source)</source>
        <translation>原因（作为出处显示）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/shop_set_dialog.py" line="66" />
        <source>Give the shop's rule set a name.</source>
        <translation>请给本店规则集起个名字。</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/shop_set_dialog.py" line="80" />
        <source>The shop's own rule set</source>
        <translation>本店规则集</translation>
    </message>
</context>
<context>
    <name>ShopSwitcher</name>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="25" />
        <source>Douyin</source>
        <translation>抖店</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="26" />
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="66" />
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="68" />
        <source>Shop {shop_id}</source>
        <translation>店铺 {shop_id}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="69" />
        <source>{platform} · {shop}</source>
        <translation>{platform} · {shop}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="122" />
        <source>The shop on screen; every shop keeps syncing. The number is what is due within 24 hours.</source>
        <translation>当前显示的店铺；每家店铺都在后台持续同步。括号里的数字：24 小时内到期的事项数。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="129" />
        <source>{shop} ({count} due)</source>
        <translation>{shop}（{count} 项将到期）</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switcher.py" line="131" />
        <source>{shop} (not readable)</source>
        <translation>{shop}（无法读取）</translation>
    </message>
</context>
<context>
    <name>ShopSwitching</name>
    <message>
        <location filename="../../app/views/shell/shop_switching.py" line="76" />
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switching.py" line="77" />
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switching.py" line="78" />
        <source>Add a shop…</source>
        <translation>添加店铺…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switching.py" line="79" />
        <source>Remove this shop…</source>
        <translation>移除此店铺…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switching.py" line="81" />
        <source>Connect another Douyin or TikTok Shop shop to this desk; it syncs beside the others.</source>
        <translation>为工作台再连接一家抖店或 TikTok Shop 店铺；它会与其他店铺一起同步。</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/shop_switching.py" line="133" />
        <source>{person} has no account in {shop}. The owner adds the people of each shop in its Users screen.</source>
        <translation>{person} 在 {shop} 没有账号。每家店铺的人员由店主在该店铺的“用户”页面添加。</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <location filename="../../app/views/people/sign_in_flow.py" line="96" />
        <source>The shop could not be connected</source>
        <translation>无法连接店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/people/sign_in_flow.py" line="128" />
        <source>This shop already has an owner</source>
        <translation>这个店铺已经有店主了</translation>
    </message>
    <message>
        <location filename="../../app/views/people/sign_in_flow.py" line="240" />
        <source>The shop was not changed</source>
        <translation>店铺未更换</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="97" />
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="98" />
        <source>Check what will be set up, then press Finish.</source>
        <translation>请核对将要设置的内容，然后点“完成”。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="99" />
        <source>Stay signed in on this computer</source>
        <translation>在这台电脑上保持登录</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="102" />
        <source>Only for a shop run by one person: the desk then opens without asking for the password. Anyone who can use this computer can then act as the owner.</source>
        <translation>仅适合一个人经营的店铺：之后打开工作台时不再询问密码。能使用这台电脑的任何人都能以店主身份操作。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="111" />
        <source>The shop is added to this desk beside the others. Your account comes along.</source>
        <translation>这个店铺会加到本工作台，和其他店铺并列。你的账号会一起带过去。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="114" />
        <source>AfterSales Desk will restart to open this shop. Your account comes along.</source>
        <translation>售后工作台将重新启动并打开这个店铺，你的账号会一起带过去。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="117" />
        <source>Owner account: {name} (user name “{user}”)</source>
        <translation>店主账号：{name}（用户名“{user}”）</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="126" />
        <source>Shop: {shop} on TikTok Shop (shop id {shop_id}) via {gateway}</source>
        <translation>店铺：TikTok Shop 上的「{shop}」（店铺 ID {shop_id}），经由 {gateway}</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="130" />
        <source>The authorization code was exchanged for the shop's keys.</source>
        <translation>授权码已换成店铺密钥。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="133" />
        <source>The app secret and shop keys will be kept in a protected file on this computer.</source>
        <translation>App Secret 和店铺密钥将保存在这台电脑上受保护的文件里。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="137" />
        <source>The app secret and shop keys will be kept in the system's password store.</source>
        <translation>App Secret 和店铺密钥将保存在系统的密码库里。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="158" />
        <source>Shop: the demo TikTok shop on this computer — English data in US dollars; practise freely, nothing is real.</source>
        <translation>店铺：这台电脑上的 TikTok 演示店铺 —— 英文数据，以美元计价；随便练习，一切都不是真的。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="161" />
        <source>Shop: the demo shop on this computer — practise freely, nothing is real.</source>
        <translation>店铺：这台电脑上的演示店铺 —— 随便练习，一切都不是真的。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="141" />
        <source>Shop: {shop_id} via {gateway}</source>
        <translation>店铺：{shop_id}，经由 {gateway}</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="146" />
        <source>Connection tested: connected to {shop}.</source>
        <translation>连接已测试：已连接到「{shop}」。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="148" />
        <source>The connection was not tested; the first sync will try it.</source>
        <translation>还没有测试连接；第一次同步时会尝试连接。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="150" />
        <source>The app secret will be kept in a protected file on this computer.</source>
        <translation>App Secret 将保存在这台电脑上受保护的文件里。</translation>
    </message>
    <message>
        <location filename="../../app/views/setup/first_run_wizard.py" line="152" />
        <source>The app secret will be kept in the system's password store.</source>
        <translation>App Secret 将保存在系统的密码库里。</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="118" />
        <source>Connecting to the shop…</source>
        <translation>正在连接店铺…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="122" />
        <source>Online · syncing…</source>
        <translation>在线 · 正在同步…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="123" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="126" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="128" />
        <source>Online · last synced {age}</source>
        <translation>在线 · 上次同步 {age}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/shell/sync_status_bar.py" line="133" />
        <source>%n decision(s) reached the platform</source>
        <translation>
            <numerusform>%n 个处理已提交到平台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/shell/sync_status_bar.py" line="135" />
        <source>%n decision(s) need attention</source>
        <translation>
            <numerusform>%n 个处理需要人工处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="141" />
        <source>Another sync is running</source>
        <translation>另一个同步正在进行</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="142" />
        <source>Another sync is running · last synced {age}</source>
        <translation>另一个同步正在进行 · 上次同步 {age}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="148" />
        <source>the shop connection needs a person</source>
        <translation>店铺连接需要人工处理</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="149" />
        <source>Needs attention: {reason}</source>
        <translation>需要处理：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="179" />
        <source>next try in {seconds} s</source>
        <translation>{seconds} 秒后重试</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="173" />
        <location filename="../../app/views/shell/sync_status_bar.py" line="178" />
        <source>trying again now…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="162" />
        <source>Offline: the platform cannot be reached</source>
        <translation>离线：无法连接到平台</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="163" />
        <source>The platform is not answering</source>
        <translation>平台没有响应</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="164" />
        <source>The platform is having trouble</source>
        <translation>平台暂时出现故障</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="165" />
        <source>The platform asked us to slow down</source>
        <translation>平台要求降低请求频率</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="166" />
        <source>The sync failed unexpectedly</source>
        <translation>同步意外失败</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="167" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="175" />
        <source>will try again by itself</source>
        <translation>稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="187" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="188" />
        <source>Fetch new orders and after-sales from the shop now</source>
        <translation>现在从店铺拉取新的订单和售后</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="210" />
        <source>Last successful sync: {time}</source>
        <translation>上次成功同步：{time}</translation>
    </message>
    <message>
        <location filename="../../app/views/shell/sync_status_bar.py" line="217" />
        <source>The platform said: {words}</source>
        <translation>平台返回：{words}</translation>
    </message>
</context>
<context>
    <name>TrayAlarm</name>
    <message>
        <location filename="../../app/views/shell/tray_alarm.py" line="47" />
        <source>{title}: {text}</source>
        <translation>{title}：{text}</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <location filename="../../app/views/updates/update_dialog.py" line="81" />
        <source>Update to {version}</source>
        <translation>更新到 {version}</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_dialog.py" line="83" />
        <source>Version {version} is downloaded and checked. This desk runs {running}.</source>
        <translation>版本 {version} 已下载并通过核验。本工作台当前为 {running}。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_dialog.py" line="87" />
        <source>What changed:</source>
        <translation>更新内容：</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_dialog.py" line="88" />
        <source>Install at next start</source>
        <translation>下次启动时安装</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_dialog.py" line="90" />
        <source>It is installed when the desk next starts.</source>
        <translation>将在工作台下次启动时安装。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_dialog.py" line="94" />
        <source>It is installed when the desk next starts, before its window opens. The shops' data, the settings and decisions not yet sent are kept.</source>
        <translation>将在工作台下次启动、窗口打开之前安装。店铺数据、设置和尚未发送的处理决定都会保留。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_dialog.py" line="99" />
        <source>The shop owner decides when it is installed.</source>
        <translation>由店主决定何时安装。</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../app/views/updates/update_notice.py" line="62" />
        <source>Update {version} ready: what changed?</source>
        <translation>更新 {version} 已就绪：看看有哪些变化？</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_notice.py" line="63" />
        <source>Update {version} waits for the shop owner</source>
        <translation>更新 {version} 等待店主同意</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_notice.py" line="66" />
        <source>Update {version} could not be installed ({reason}); the desk tries again at its next start</source>
        <translation>更新 {version} 未能安装（{reason}）；工作台下次启动时会再试</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_notice.py" line="69" />
        <source>Update {version} is installed at the next start</source>
        <translation>更新 {version} 将在下次启动时安装</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_notice.py" line="71" />
        <source>Updated to {version}</source>
        <translation>已更新到 {version}</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/update_notice.py" line="73" />
        <source>Update check: {problem}</source>
        <translation>检查更新：{problem}</translation>
    </message>
</context>
<context>
    <name>UpdateSection</name>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="76" />
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="77" />
        <source>Update &amp;address:</source>
        <translation>更新地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="78" />
        <source>Check for updates</source>
        <translation>检查更新</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="79" />
        <source>What changed…</source>
        <translation>更新内容…</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="102" />
        <source>This copy of the desk runs from its source code, so it does not update itself; installed desks do.</source>
        <translation>此工作台从源代码运行，不会自行更新；安装版的工作台会自动更新。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="107" />
        <source>No update address is set, so the desk does not look for updates. This is version {version}.</source>
        <translation>未设置更新地址，因此工作台不检查更新。当前版本 {version}。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="110" />
        <source>Looking for updates…</source>
        <translation>正在检查更新…</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="112" />
        <source>This is the newest version ({version}).</source>
        <translation>已是最新版本（{version}）。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="114" />
        <source>Version {version} is downloaded and waits for the owner's agreement.</source>
        <translation>版本 {version} 已下载，等待店主同意安装。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="119" />
        <source>Version {version} could not be installed at the last start ({reason}); the desk tries again at its next start.</source>
        <translation>版本 {version} 在上次启动时未能安装（{reason}）；工作台下次启动时会再试。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="123" />
        <source>Version {version} is installed when the desk next starts.</source>
        <translation>版本 {version} 将在工作台下次启动时安装。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="127" />
        <source>Version {version} was installed at this start.</source>
        <translation>版本 {version} 已在本次启动时安装。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="132" />
        <source>This is version {version}; the desk looks for updates at every start.</source>
        <translation>当前版本 {version}；工作台每次启动时检查更新。</translation>
    </message>
    <message>
        <location filename="../../app/views/updates/settings_section.py" line="142" />
        <source>An update address starts with https:// (or http://).</source>
        <translation>更新地址应以 https://（或 http://）开头。</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <location filename="../../app/views/people/user_dialogs.py" line="40" />
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../app/views/people/users_view.py" line="125" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="126" />
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="127" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="128" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="129" />
        <source>One refund</source>
        <translation>单笔上限</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="130" />
        <source>Per day</source>
        <translation>每日上限</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="131" />
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="88" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="88" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="113" />
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="117" />
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../app/views/people/users_view.py" line="210" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="359" />
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="359" />
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="363" />
        <source>&amp;Add person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="364" />
        <source>Reset &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="365" />
        <source>Refund &amp;limits…</source>
        <translation>退款上限(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/views/people/users_view.py" line="366" />
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>VersionModel</name>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="123" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="123" />
        <source>Kept at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="123" />
        <source>By</source>
        <translation>保存人</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="123" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="123" />
        <source>What it does</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="124" />
        <source>Undo window</source>
        <translation>撤销等待</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="124" />
        <source>Daily limit</source>
        <translation>每日上限</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/rule_models.py" line="124" />
        <source>When a request…</source>
        <translation>适用的申请</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <location filename="../../app/services/people/accounts.py" line="85" />
        <source>This shop already has an owner. Sign in as the owner.</source>
        <translation>这家店已经有店主了。请用店主账号登录。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/accounts.py" line="86" />
        <source>The shop needs at least one active owner. Make someone else an owner first.</source>
        <translation>店里至少要有一位启用中的店主。请先把其他人设为店主。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/accounts.py" line="89" />
        <source>You cannot switch off your own account.</source>
        <translation>不能停用你自己的账号。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/accounts.py" line="90" />
        <source>The current password is wrong.</source>
        <translation>当前密码不对。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/accounts.py" line="91" />
        <source>The new password is the same as the current one.</source>
        <translation>新密码和当前密码一样。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/accounts.py" line="92" />
        <source>Only an owner's account can be carried to another shop.</source>
        <translation>只有店主账号可以带到另一家店铺。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="168" />
        <source>Your account was switched off or changed by the owner. Please sign in again.</source>
        <translation>你的账号已被店主停用或修改，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="110" />
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="111" />
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="112" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="167" />
        <source>Your role does not allow this. Ask the shop owner.</source>
        <translation>你的角色不能做这件事，请找店主。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="171" />
        <source>The owner has not set refund limits for you, so the owner must decide this refund.</source>
        <translation>店主还没有给你设置退款上限，所以这笔退款需要店主来处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="174" />
        <source>This refund ({amount}) is above your limit of {limit} for one refund. Ask the shop owner to decide it.</source>
        <translation>这笔退款（{amount}）超过了你的单笔上限 {limit}。请让店主处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/permissions.py" line="178" />
        <source>This refund ({amount}) would bring what you approved today to {total}, above your daily limit of {limit}. Ask the shop owner to decide it.</source>
        <translation>批准这笔退款（{amount}）后，你今天批准的总额将达到 {total}，超过你的每日上限 {limit}。请让店主处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/sign_in.py" line="46" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/sign_in.py" line="47" />
        <source>Too many wrong passwords. Please wait, then try again.</source>
        <translation>密码输错次数太多。请稍等，然后再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/sign_in.py" line="48" />
        <source>This account is switched off. Ask the shop owner.</source>
        <translation>这个账号已停用，请找店主。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="32" />
        <source>A user name has 2 to 32 characters: letters, digits, Chinese characters, dot, dash or underscore.</source>
        <translation>用户名为 2 到 32 个字符：字母、数字、汉字、点、短横线或下划线。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="36" />
        <source>This user name is already taken (capital and small letters count as the same).</source>
        <translation>这个用户名已经有人用了（大小写视为相同）。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="39" />
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="40" />
        <source>A password needs at least 8 characters.</source>
        <translation>密码至少要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="41" />
        <source>A password can have at most 256 characters.</source>
        <translation>密码最多 256 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="42" />
        <source>A display name can have at most 64 characters.</source>
        <translation>显示名称最多 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="43" />
        <source>This person is not in the list. Refresh and try again.</source>
        <translation>列表里没有这个人。请刷新后再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="44" />
        <source>Choose a role: owner, customer service or warehouse.</source>
        <translation>请选择角色：店主、客服或仓库。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="45" />
        <source>A refund limit is an amount of zero or more, or empty.</source>
        <translation>退款上限是大于等于零的金额，或者留空。</translation>
    </message>
    <message>
        <location filename="../../app/services/people/user_records.py" line="46" />
        <source>The daily limit cannot be lower than the limit for one refund.</source>
        <translation>每日上限不能低于单笔上限。</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="40" />
        <source>This computer has no password store (keyring), so the app secret cannot be kept safely. You can allow keeping it in a protected file in the app's data folder instead, which is less safe.</source>
        <translation>这台电脑没有密码库（keyring），无法安全地保存 App Secret。你可以改为允许把它保存在本软件数据文件夹里受保护的文件中，但这样安全性较低。</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="45" />
        <source>The computer's password store did not accept the app secret (it may be locked). Unlock it and try again, or allow keeping the secret in a protected file instead.</source>
        <translation>电脑的密码库没有接受 App Secret（可能处于锁定状态）。请解锁后重试，或改为允许把密钥保存在受保护的文件里。</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="50" />
        <source>This computer has no password store (keyring), so the shop database's password cannot be kept safely. You can allow keeping it in a protected file in the app's data folder instead, which is less safe.</source>
        <translation>这台电脑没有密码库（钥匙串），无法安全地保存店铺数据库的密码。您可以允许改为保存在本软件数据文件夹中的受保护文件里，但安全性较低。</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="56" />
        <source>The computer's password store did not accept the shop database's password (it may be locked). Unlock it and try again, or allow keeping the password in a protected file instead.</source>
        <translation>电脑的密码库没有接受店铺数据库的密码（可能已锁定）。请解锁后重试，或允许改为把密码保存在受保护的文件里。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_setup.py" line="29" />
        <source>This workstation uses a shared shop database; point it at another database in Settings instead.</source>
        <translation>这台电脑使用的是共享的店铺数据库，请在设置中改为指向另一个数据库。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_adding.py" line="36" />
        <source>{count} decisions or shipments made in this shop have not reached the platform yet. Remove the shop once they have (the status bar counts them).</source>
        <translation>这家店铺还有 {count} 项审核决定或发货尚未送达平台。请等它们送达后再移除店铺（状态栏会显示数量）。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_adding.py" line="41" />
        <source>The desk's only shop cannot be removed.</source>
        <translation>工作台上唯一的店铺不能移除。</translation>
    </message>
</context>
<context>
    <name>audit_actions</name>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="34" />
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="35" />
        <source>Sign-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="36" />
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="37" />
        <source>Switched user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="38" />
        <source>Person added</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="39" />
        <source>Person changed</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="40" />
        <source>Person disabled</source>
        <translation>停用人员</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="41" />
        <source>Person enabled</source>
        <translation>启用人员</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="42" />
        <source>Password reset</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="43" />
        <source>Own password changed</source>
        <translation>修改自己的密码</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="44" />
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="45" />
        <source>Shop connected</source>
        <translation>连接店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="46" />
        <source>Shop switched</source>
        <translation>切换店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="47" />
        <source>Refund approved</source>
        <translation>批准退款</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="48" />
        <source>Refund refused</source>
        <translation>拒绝退款</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="49" />
        <source>Order shipped</source>
        <translation>订单发货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="50" />
        <source>Platform's answer</source>
        <translation>平台答复</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="51" />
        <source>Return agreed</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="52" />
        <source>Return refused</source>
        <translation>拒绝退货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="53" />
        <source>Returned goods inspected</source>
        <translation>验收退货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="54" />
        <source>Exchange agreed</source>
        <translation>同意换货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="55" />
        <source>Exchange, resend or repair goods sent</source>
        <translation>换货/补寄/维修商品已寄出</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="56" />
        <source>Unsent decision dropped</source>
        <translation>放弃未生效的操作</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="57" />
        <source>Shipped again</source>
        <translation>重新发货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="58" />
        <source>Set-aside record dismissed</source>
        <translation>已忽略留存记录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="59" />
        <source>Handed to the owner</source>
        <translation>转交店主</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="60" />
        <source>Handed back</source>
        <translation>退回处理人</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="66" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="67" />
        <source>Request</source>
        <translation>售后单</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="68" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="69" />
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_table_model.py" line="70" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>audit_words</name>
    <message>
        <location filename="../../app/views/people/audit_words_event.py" line="52" />
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_event.py" line="61" />
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_event.py" line="67" />
        <source>order {id}</source>
        <translation>订单 {id}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_event.py" line="70" />
        <source>request {id}</source>
        <translation>售后单 {id}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_event.py" line="71" />
        <source>{type} request {id}</source>
        <translation>{type}售后单 {id}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_event.py" line="80" />
        <source>an unknown amount</source>
        <translation>金额未知</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="136" />
        <source> ({before} → {after})</source>
        <translation>（{before} → {after}）</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="139" />
        <source> (now {status})</source>
        <translation>（现为{status}）</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="24" />
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="25" />
        <source>unknown user name</source>
        <translation>用户名不存在</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="26" />
        <source>the account was waiting after too many wrong passwords</source>
        <translation>密码错误次数过多，账号正在等待中</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="29" />
        <source>the account is switched off</source>
        <translation>账号已停用</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="34" />
        <source>{who} signed in.</source>
        <translation>{who} 登录了。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="41" />
        <source>A sign-in was refused: {why}.</source>
        <translation>一次登录被拒绝：{why}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="43" />
        <source>A sign-in as {person} was refused: {why}.</source>
        <translation>以 {person} 身份登录被拒绝：{why}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="48" />
        <source> The account waits until {time}.</source>
        <translation>账号需等待至 {time}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="55" />
        <source>{who} signed out.</source>
        <translation>{who} 退出了登录。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="61" />
        <source>{who} took over the desk.</source>
        <translation>{who} 接过了工作台。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="63" />
        <source>{who} took over the desk from {previous}.</source>
        <translation>{who} 从 {previous} 手中接过了工作台。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="70" />
        <source>{who} set up the desk as the shop's owner.</source>
        <translation>{who} 以店主身份设置了工作台。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="74" />
        <source>{who}'s owner account was carried over from another shop's database.</source>
        <translation>{who} 的店主账号从另一家店铺的数据库带了过来。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="77" />
        <source>{who} added {person} as {role}.</source>
        <translation>{who} 添加了{role} {person}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="86" />
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="91" />
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="92" />
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="93" />
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="94" />
        <source>limit per refund</source>
        <translation>单笔退款上限</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="95" />
        <source>refunds per day</source>
        <translation>每日退款上限</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="101" />
        <source>{field} {before} → {after}</source>
        <translation>{field} {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="108" />
        <source>{who} saved {person}'s record unchanged.</source>
        <translation>{who} 保存了 {person} 的资料，未作改动。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="111" />
        <source>{who} changed {person}: {changes}.</source>
        <translation>{who} 修改了 {person} 的资料：{changes}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="112" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="117" />
        <source>{who} switched off {person}'s account.</source>
        <translation>{who} 停用了 {person} 的账号。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="123" />
        <source>{who} switched {person}'s account back on.</source>
        <translation>{who} 重新启用了 {person} 的账号。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="129" />
        <source>{who} set a new password for {person}.</source>
        <translation>{who} 为 {person} 设置了新密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="135" />
        <source>{who} changed their own password.</source>
        <translation>{who} 修改了自己的密码。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="140" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="141" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="142" />
        <source>the system's language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="150" />
        <source>{who} changed the language from {before} to {after}.</source>
        <translation>{who} 把界面语言从{before}改为{after}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="158" />
        <source>{who} changed the shops of this desk from {before} to {after}.</source>
        <translation>{who} 将本工作台的店铺从 {before} 改为 {after}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="162" />
        <source>{who} changed the weights of the experience score.</source>
        <translation>{who} 修改了体验分的权重。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="165" />
        <source>{who} changed the setting “{name}”.</source>
        <translation>{who} 修改了设置“{name}”。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="176" />
        <source>the demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="177" />
        <source>shop {id}</source>
        <translation>店铺 {id}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="181" />
        <source>{who} connected the desk to {shop}.</source>
        <translation>{who} 把工作台连接到{shop}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_people.py" line="187" />
        <source>{who} switched this computer to {shop}.</source>
        <translation>{who} 把这台电脑切换到{shop}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="54" />
        <source>{who} agreed to refund {amount} on {request}</source>
        <translation>{who} 同意了{request} 的退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="55" />
        <source>{who} refused the refund of {amount} on {request}</source>
        <translation>{who} 拒绝了{request} 的退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="58" />
        <source>{who} agreed to the return on {request} ({amount} once the goods are back)</source>
        <translation>{who} 同意了{request} 的退货（货到后退款 {amount}）</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="61" />
        <source>{who} refused the return on {request} ({amount})</source>
        <translation>{who} 拒绝了{request} 的退货申请（{amount}）</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="64" />
        <source>{who} received the returned goods and refunded {amount} on {request}</source>
        <translation>{who} 已收到{request} 的退货并退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="67" />
        <source>{who} refused the returned goods on {request} ({amount})</source>
        <translation>{who} 拒收了{request} 的退回商品（{amount}）</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="70" />
        <source>{who} agreed to the exchange on {request}</source>
        <translation>{who} 同意了{request} 的换货</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="71" />
        <source>{who} received the goods to exchange on {request}</source>
        <translation>{who} 已收到{request} 待换货的商品</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="74" />
        <source>{who} sent the goods of {request}</source>
        <translation>{who} 寄出了 {request} 的商品</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="148" />
        <source> (tracking number {tracking})</source>
        <translation>（运单号 {tracking}）</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="152" />
        <source>, by shipping the order (tracking number {tracking})</source>
        <translation>，随订单发货一并拒绝（运单号 {tracking}）</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="155" />
        <location filename="../../app/views/people/audit_words.py" line="196" />
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="157" />
        <source> Reason: {reason}.</source>
        <translation>原因：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="174" />
        <source>{who} inspected the goods returned on {request}: {outcome}; to be refunded.</source>
        <translation>{who} 验收了{request} 的退货：{outcome}；决定退款。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="178" />
        <source>{who} inspected the goods returned on {request}: {outcome}; to be refused.</source>
        <translation>{who} 验收了{request} 的退货：{outcome}；决定拒收。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="187" />
        <source>{who} shipped {order} with {carrier}, tracking number {tracking}</source>
        <translation>{who} 已为{order} 发货：{carrier}，运单号 {tracking}</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="199" />
        <source> The waiting refund request {ids} was refused with it.</source>
        <translation>同时拒绝了待处理的退款申请 {ids}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="201" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="207" />
        <source>{who} dropped the shipment of {order} that the platform would not take.</source>
        <translation>{who} 放弃了平台未接受的{order} 发货。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="210" />
        <source>{who} dropped the decision on {request} that the platform would not take.</source>
        <translation>{who} 放弃了平台未接受的{request} 的处理决定。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="216" />
        <source>{who} shipped {order} again, this time refusing the waiting refund request.</source>
        <translation>{who} 重新为{order} 发货，并同时拒绝了待处理的退款申请。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="224" />
        <source>The platform had decided {thing} on its own; the shop's decision was not applied.</source>
        <translation>平台已自行处理{thing}，店铺的决定未生效。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="228" />
        <source>The platform applied the shop's decision on {thing}.</source>
        <translation>平台已执行店铺对{thing} 的决定。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="232" />
        <source>The platform refused the shop's decision on {thing}.</source>
        <translation>平台拒绝了店铺对{thing} 的决定。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="236" />
        <source>The platform could not apply the shop's decision on {thing}: its state had moved on.</source>
        <translation>平台无法执行店铺对{thing} 的决定：该单的状态已经变了。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="241" />
        <source>The platform answered about {thing}.</source>
        <translation>平台就{thing} 作出了答复。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="244" />
        <source> It said: “{message}”.</source>
        <translation>平台说明：“{message}”。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="253" />
        <source>{who} dismissed the set-aside record of {thing} (set aside since {time}).</source>
        <translation>{who} 忽略了{thing} 的留存记录（自 {time} 起留存）。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="259" />
        <source>{who} handed {request} ({amount}) to the owner: “{reason}”.</source>
        <translation>{who} 把{request}（{amount}）转交给店主：“{reason}”。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="269" />
        <source>the person who handed it over</source>
        <translation>转交人</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="271" />
        <source>{who} handed {request} back to {clerk} undecided.</source>
        <translation>{who} 未作处理，把{request} 退回给 {clerk}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="336" />
        <source>The shop's first owner</source>
        <translation>店铺的第一位店主</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="337" />
        <source>Carried over from another shop's database</source>
        <translation>从另一家店铺的数据库带过来</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="340" />
        <source>Stayed signed in on this computer</source>
        <translation>在这台电脑上保持登录</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="343" />
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="344" />
        <source>Unknown user name</source>
        <translation>用户名不存在</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="345" />
        <source>Waiting after too many wrong passwords</source>
        <translation>密码错误次数过多，等待中</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="348" />
        <source>Account switched off</source>
        <translation>账号已停用</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="349" />
        <source>Found already applied when read again</source>
        <translation>重新读取时发现已生效</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="350" />
        <source>An earlier attempt had applied it</source>
        <translation>之前的一次提交已经生效</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="353" />
        <source>The platform approved it on its own when the deadline passed</source>
        <translation>超过处理时限，平台已自动同意</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words.py" line="373" />
        <source>by rule '{rule}' v{version}</source>
        <translation>由规则“{rule}”第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="38" />
        <source>rule '{name}' v{version}</source>
        <translation>规则“{name}”第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="41" />
        <source>rule '{name}'</source>
        <translation>规则“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="42" />
        <source>rule #{number}</source>
        <translation>第 {number} 号规则</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="46" />
        <source>{who} wrote the automatic-decision {rule}.</source>
        <translation>{who} 新建了自动审核{rule}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="52" />
        <source>{who} changed the automatic-decision {rule} (a new version; the old one is kept).</source>
        <translation>{who} 修改了自动审核{rule}（生成新版本，旧版本保留）。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="59" />
        <source>{who} moved the automatic-decision {rule} to place {place}.</source>
        <translation>{who} 把自动审核{rule}移到第 {place} 位。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="65" />
        <source>{who} switched the automatic-decision {rule} on: it decides with their rights.</source>
        <translation>{who} 启用了自动审核{rule}：它以此人的权限处理。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="71" />
        <source>{who} switched the automatic-decision {rule} off.</source>
        <translation>{who} 停用了自动审核{rule}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="79" />
        <source>The automatic-decision {rule} stopped itself: {reason}.</source>
        <translation>自动审核{rule}已自行停用：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="85" />
        <source>{who} undid the decision the {rule} had waiting for {request}: nothing was sent.</source>
        <translation>{who} 撤销了{rule}为{request}排队的处理：没有发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="91" />
        <source>The {rule} handed {request} ({amount}) to the owner.</source>
        <translation>{rule}把{request}（{amount}）交给了店主。</translation>
    </message>
    <message>
        <location filename="../../app/views/people/audit_words_rules.py" line="97" />
        <source>{who} added the shop's own rule set '{name}', in force from {day}.</source>
        <translation>{who} 添加了本店自定规则集“{name}”，自 {day} 起生效。</translation>
    </message>
</context>
<context>
    <name>automation</name>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="37" />
        <source>Approve the refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="38" />
        <source>Agree to the return (default address)</source>
        <translation>同意退货（默认退货地址）</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="39" />
        <source>Hand to the owner</source>
        <translation>交给店主</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="40" />
        <source>Leave for a person</source>
        <translation>留给人工处理</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="45" />
        <source>Give the rule a name the audit trail can show.</source>
        <translation>请给规则起一个名字，操作记录里会显示它。</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="46" />
        <source>A rule that approves refunds needs a daily limit on the money it may approve.</source>
        <translation>会同意退款的规则必须设置每日自动退款金额上限。</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="49" />
        <source>The undo window must be between 0 minutes and 24 hours.</source>
        <translation>撤销等待时间必须在 0 分钟到 24 小时之间。</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/conditions.py" line="50" />
        <source>Amounts, counts and hours in a rule cannot be negative.</source>
        <translation>规则里的金额、次数和小时数不能是负数。</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/pending.py" line="33" />
        <source>Will be approved at {time} by rule '{rule}' v{version}</source>
        <translation>将于 {time} 由规则“{rule}”第 {version} 版自动同意</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/pending.py" line="34" />
        <source>Return will be agreed at {time} by rule '{rule}' v{version}</source>
        <translation>将于 {time} 由规则“{rule}”第 {version} 版自动同意退货</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/pending.py" line="37" />
        <source>Too late to undo: the decision has already gone to the platform (or is going now). Its answer will show in the queue.</source>
        <translation>来不及撤销了：这个处理已经发给平台（或正在发送）。平台的结果会显示在队列里。</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/rule_book.py" line="36" />
        <source>There is no such rule; it may have been removed. Refresh the list.</source>
        <translation>没有这条规则，可能已被删除。请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/stopped.py" line="23" />
        <source>it reached its daily limit of money decided automatically</source>
        <translation>当天自动处理的金额已达上限</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/stopped.py" line="24" />
        <source>the platform refused one of its decisions</source>
        <translation>平台拒绝了它做出的一个处理</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/stopped.py" line="25" />
        <source>the owner who switched it on can no longer decide refunds</source>
        <translation>启用它的店主已无权处理退款</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/stopped.py" line="26" />
        <source>its return address is missing or not one the platform knows</source>
        <translation>它的退货地址未填写，或平台不认识该地址</translation>
    </message>
    <message>
        <location filename="../../app/services/automation/stopped.py" line="28" />
        <source>Rule '{rule}' v{version} stopped itself: {reason}. Switch it on again when it should go on.</source>
        <translation>规则“{rule}”第 {version} 版已自动停用：{reason}。需要继续时请重新启用。</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <location filename="../../app/desk.py" line="49" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="50" />
        <source>Something went wrong inside AfterSales Desk. Your data is safe; the details are in the log file in the data folder.</source>
        <translation>售后工作台内部出现问题。您的数据是安全的；详细信息已写入数据文件夹中的日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="159" />
        <source>Settings were reset</source>
        <translation>部分设置已恢复默认</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="160" />
        <source>Some settings could not be used and were reset:</source>
        <translation>以下设置无法使用，已恢复默认：</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="171" />
        <source>Which database?</source>
        <translation>使用哪个数据库？</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="175" />
        <source>Use the shared database again (its password, if kept on this computer, is still there), or continue with this computer's own database: what is done there stays on this computer.</source>
        <translation>可以重新使用共享数据库（如果它的密码保存在这台电脑上，密码仍然在）；也可以继续使用这台电脑自己的数据库，但在那里做的操作只会留在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="182" />
        <source>Use the shared database again</source>
        <translation>重新使用共享数据库</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="187" />
        <source>Continue on this computer only</source>
        <translation>只在这台电脑上继续</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="191" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="213" />
        <source>This AfterSales Desk is older than the shop's database</source>
        <translation>此售后工作台比店铺数据库旧</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="224" />
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../app/desk.py" line="225" />
        <source>The shop's database could not be opened:
{0}</source>
        <translation>无法打开店铺数据库：
{0}</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <location filename="../../app/views/setup/shop_page.py" line="50" />
        <source>The gateway must be a web address starting with https:// (or http://).</source>
        <translation>网关必须是以 https://（或 http://）开头的网址。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/connection_test.py" line="67" />
        <source>Enter the authorization code, or paste the whole address your browser showed after you authorised the app.</source>
        <translation>请填写授权码，或粘贴你授权应用后浏览器地址栏里显示的完整网址。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/connection_test.py" line="72" />
        <source>This address holds no authorization code (there is no code= in it). Authorise the app in TikTok Shop again and copy the address your browser shows afterwards.</source>
        <translation>这个网址里没有授权码（没有“code=”）。请在 TikTok Shop 重新授权应用，然后复制浏览器随后显示的网址。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/connection_test.py" line="77" />
        <source>This address says the authorisation did not happen ({reason}). Authorise the app in TikTok Shop again and copy the address your browser shows afterwards.</source>
        <translation>这个网址表明授权没有完成（{reason}）。请在 TikTok Shop 重新授权应用，然后复制浏览器随后显示的网址。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/connection_test.py" line="82" />
        <source>The authorization code has no spaces; copy it again, or paste the whole address instead.</source>
        <translation>授权码里没有空格，请重新复制，或者改为粘贴完整网址。</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../app/views/common/formatting.py" line="77" />
        <source>{days}d {hours:02d}h</source>
        <translation>{days}天{hours:02d}小时</translation>
    </message>
    <message>
        <location filename="../../app/views/common/formatting.py" line="79" />
        <source>{hours}h {minutes:02d}m</source>
        <translation>{hours}小时{minutes:02d}分</translation>
    </message>
    <message>
        <location filename="../../app/views/common/formatting.py" line="82" />
        <source>{minutes}m</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../app/views/common/formatting.py" line="89" />
        <source>overdue {duration}</source>
        <translation>已超时 {duration}</translation>
    </message>
    <message>
        <location filename="../../app/views/common/formatting.py" line="98" />
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../app/views/common/formatting.py" line="100" />
        <source>{minutes} min ago</source>
        <translation>{minutes} 分钟前</translation>
    </message>
    <message>
        <location filename="../../app/views/common/formatting.py" line="102" />
        <source>{hours} h ago</source>
        <translation>{hours} 小时前</translation>
    </message>
</context>
<context>
    <name>metrics</name>
    <message>
        <location filename="../../app/services/metrics/experience_score.py" line="28" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/experience_score.py" line="29" />
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/experience_score.py" line="30" />
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="36" />
        <source>Shipped {hours} h after payment</source>
        <translation>付款后 {hours} 小时发货</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="37" />
        <source>Shipped {hours} h after the promised time</source>
        <translation>超过承诺时间 {hours} 小时发货</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="38" />
        <source>Not shipped, {hours} h past the promised time</source>
        <translation>未发货，已超过承诺时间 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="39" />
        <source>{amount} to the buyer for shipping {hours} h late</source>
        <translation>延迟 {hours} 小时发货，赔付买家 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="40" />
        <source>Tracking number {tracking_no}: no pickup scan {hours} h after shipping</source>
        <translation>运单号 {tracking_no}：发货 {hours} 小时后仍无揽收</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="43" />
        <source>Tracking number {tracking_no}: picked up {hours} h after shipping</source>
        <translation>运单号 {tracking_no}：发货 {hours} 小时后揽收</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="46" />
        <source>Answered {hours} h after the buyer applied</source>
        <translation>买家申请后 {hours} 小时处理</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="47" />
        <source>Refunded {hours} h after the buyer applied</source>
        <translation>买家申请后 {hours} 小时退款</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="48" />
        <source>Agreed by the platform {hours} h after the buyer applied, without the shop's answer</source>
        <translation>商家未处理，买家申请 {hours} 小时后平台自动同意</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="51" />
        <source>Refused {hours} h after the buyer applied</source>
        <translation>买家申请后 {hours} 小时拒绝</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="52" />
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/drill_down.py" line="53" />
        <source>Cancelled for the seller's fault</source>
        <translation>因卖家责任取消</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="32" />
        <source>Average ship time</source>
        <translation>平均发货时长</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="33" />
        <source>Late-shipment rate</source>
        <translation>延迟发货率</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="35" />
        <source>Pickup timeout rate</source>
        <translation>揽收超时率</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="38" />
        <source>Late compensation paid</source>
        <translation>延迟发货赔付</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="40" />
        <source>Average review time</source>
        <translation>平均审核时长</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="41" />
        <source>Refund duration</source>
        <translation>退款时长</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="42" />
        <source>Timeout approvals</source>
        <translation>超时自动同意</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="43" />
        <source>Rejection rate</source>
        <translation>拒绝率</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="45" />
        <source>Escalation rate</source>
        <translation>平台介入率</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="53" />
        <source>Experience score (est.)</source>
        <translation>体验分（估算）</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="57" />
        <source>Late dispatch rate</source>
        <translation>延迟发货率（LDR）</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="59" />
        <source>Valid tracking rate</source>
        <translation>有效追踪率（VTR）</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="63" />
        <source>Seller-fault cancellation rate</source>
        <translation>卖家责任取消率（SFCR）</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="47" />
        <source>Quality-return rate</source>
        <translation>品质退货率</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/definitions.py" line="50" />
        <source>After-sales by type</source>
        <translation>各类型售后</translation>
    </message>
    <message>
        <location filename="../../app/services/metrics/service_metrics.py" line="88" />
        <source>The platform has reported no carrier pickup scans, so pickup timeouts cannot be told.</source>
        <translation>平台未提供任何揽收扫描记录，无法判断揽收超时。</translation>
    </message>
</context>
<context>
    <name>paper</name>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="48" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="49" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="50" />
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="51" />
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="52" />
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="93" />
        <source>SKUs: {skus} · pieces: {pieces} · printed {time}</source>
        <translation>共 {skus} 个 SKU · {pieces} 件 · 打印于 {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="118" />
        <source>Nothing to pick.</source>
        <translation>没有需要拣货的商品。</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="120" />
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="124" />
        <source>Ship-by times follow rule set {name}</source>
        <translation>发货截止时间按规则版本 {name} 计算</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="143" />
        <source>Packing slip (continued)</source>
        <translation>发货单（续）</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="145" />
        <source>Packing slip</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="146" />
        <source>Slip {number} of {total}</source>
        <translation>第 {number} 张，共 {total} 张</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="158" />
        <source>Paid</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="163" />
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="167" />
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="203" />
        <source>Pieces in all: {pieces}</source>
        <translation>共 {pieces} 件</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="211" />
        <source>Buyer's message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="215" />
        <source>Seller's note</source>
        <translation>商家备注</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="221" />
        <source>Code {code}</source>
        <translation>商家编码 {code}</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="278" />
        <source>Page {page} of {pages} of this order, continued overleaf</source>
        <translation>本订单第 {page} 页，共 {pages} 页，续见下页</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="282" />
        <source>Page {page} of {pages} of this order</source>
        <translation>本订单第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="297" />
        <source>AfterSales Desk</source>
        <translation>售后工作台</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper.py" line="299" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../app/views/shipping/paper_sheet.py" line="83" />
        <source>The printer or file could not be opened.</source>
        <translation>无法打开打印机或文件。</translation>
    </message>
</context>
<context>
    <name>refunds</name>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="15" />
        <source>Return fast refund: the buyer may be refunded when the parcel is handed over (up to {cap}).</source>
        <translation>退货极速退款：买家寄出退货包裹后即可能获得退款（最多 {cap}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="19" />
        <source>Returned goods are inspected before the refund.</source>
        <translation>退回的商品验货后再退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="20" />
        <source>Exchanged goods are inspected before the replacement is sent.</source>
        <translation>换货的商品验货后再寄出新商品。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="23" />
        <source>A refund before shipment on an order that already has a tracking number.</source>
        <translation>订单已有快递单号，但买家在发货前申请退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="26" />
        <source>Fast refund before shipment: no tracking number and paid at most {cap}.</source>
        <translation>未发货极速退款：没有快递单号，且实付不超过 {cap}。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="29" />
        <source>Refund before shipment.</source>
        <translation>未发货退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="30" />
        <source>Exchange request.</source>
        <translation>换货申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="31" />
        <source>Resend request for missing or damaged items.</source>
        <translation>漏发或破损商品的补寄申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="32" />
        <source>Repair request.</source>
        <translation>维修申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="33" />
        <source>Agreed resend or repair: the shop sends the goods before the deadline.</source>
        <translation>已同意补寄或维修：商家须在截止前寄出商品。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="36" />
        <source>The buyer says the goods never arrived.</source>
        <translation>买家说没有收到货。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="37" />
        <source>Refund in transit: the parcel has shipped and has not been received; the platform may already have refunded the buyer.</source>
        <translation>在途极速退：包裹已发出、尚未签收；平台可能已先行退款给买家。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="42" />
        <source>Fresh produce: claims within {hours} h of receipt; up to {bad}% bad goods, up to {refund}% refund.</source>
        <translation>生鲜：签收后 {hours} 小时内可申请；坏果不超过 {bad}% 时，最多退款 {refund}%。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="46" />
        <source>Fresh produce has no 7-day no-reason return.</source>
        <translation>生鲜不支持七天无理由退货。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="47" />
        <source>Cosmetics allergy: within {days} days of receipt, evidence by the product's value.</source>
        <translation>化妆品过敏：签收后 {days} 天内，按商品价值提供相应凭证。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="50" />
        <source>7 days no reason: {hours} h from 00:00 of the day after delivery, goods intact.</source>
        <translation>七天无理由：从签收次日 0 点起 {hours} 小时内，商品完好。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="53" />
        <source>Quality or description complaint.</source>
        <translation>质量问题或与描述不符。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="54" />
        <source>No special rule applies.</source>
        <translation>不适用特殊规则。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="58" />
        <source>Inspect the goods on arrival; the buyer may already have been refunded.</source>
        <translation>商品到货时请验货；买家可能已经拿到退款了。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="61" />
        <source>Inspect the returned goods, then refund or refuse.</source>
        <translation>验收退回的商品，然后退款或拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="62" />
        <source>The goods have left: refuse (goods shipped) or intercept the parcel and refund.</source>
        <translation>商品已发出：拒绝（已发货），或拦截快递后退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="65" />
        <source>The platform would refund this at once; approving matches what it does.</source>
        <translation>平台会立即自动退款；同意与平台的做法一致。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="68" />
        <source>Not shipped yet: approve, after making sure no parcel left without a tracking number.</source>
        <translation>还没发货：确认没有未录单号就寄出的包裹后，同意退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="71" />
        <source>Agree when the wanted size or model is in stock.</source>
        <translation>买家要的尺码或型号有货时同意。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="72" />
        <source>Check the packing record, then agree or refuse.</source>
        <translation>查看打包记录，然后同意或拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="73" />
        <source>Agree when the fault is one the shop repairs; the goods come back first.</source>
        <translation>属于本店可维修的故障时同意；商品需先寄回。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="76" />
        <source>Agreed: send the goods and enter their tracking number before the deadline.</source>
        <translation>已同意：请在截止前寄出商品并填写运单号。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="79" />
        <source>Check the returned goods, then send the new (or repaired) goods with their tracking number, or refuse them.</source>
        <translation>验收退回的商品，然后寄出新商品（或维修好的商品）并填写运单号，或拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="84" />
        <source>Check the parcel's tracking: refund if it was lost, refuse with proof if it was signed for.</source>
        <translation>查看包裹物流：丢件就退款，已签收就凭证据拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="88" />
        <source>The buyer applied after the window closed.</source>
        <translation>买家在期限过后才申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="89" />
        <source>The platform marks this a fast refund: the buyer may already have the money. Ask the carrier to intercept the parcel so the goods come back, and agree.</source>
        <translation>平台标记为极速退款：买家可能已收到退款。请联系快递拦截包裹让商品退回，并同意退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="94" />
        <source>Ask the carrier to intercept the parcel (or the buyer to refuse it) and agree; refuse only if the tracking shows it was delivered.</source>
        <translation>请联系快递拦截包裹（或请买家拒收）后同意退款；仅当物流显示已签收时才拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="99" />
        <source>The platform has not reported the goods received, so the window has not started; look at the parcel's tracking.</source>
        <translation>平台尚未回传签收，期限还未开始计算；请查看包裹物流。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="104" />
        <source>The refund ({share}%) is within what the rule allows.</source>
        <translation>退款比例（{share}%）在规则允许的范围内。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="105" />
        <source>A refund of {share}% needs more than {bad}% of the goods bad; check the photos.</source>
        <translation>退款 {share}% 需要坏果超过 {bad}%；请查看照片。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="108" />
        <source>Refuse: fresh produce is excluded from no-reason returns.</source>
        <translation>拒绝：生鲜不支持无理由退货。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="111" />
        <source>Within the window; check the evidence: {tier_text}.</source>
        <translation>在期限内；请查看凭证：{tier_text}。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="112" />
        <source>Within 7 days: agree to the return; the buyer pays postage.</source>
        <translation>在七天内：同意退货，运费由买家承担。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="115" />
        <source>A no-reason request should return the goods; ask the buyer or decide yourself.</source>
        <translation>无理由申请应当退货；请询问买家或自行决定。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="118" />
        <source>Agree to the return and inspect the goods when they arrive.</source>
        <translation>同意退货，商品到货时验货。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/rule_words.py" line="121" />
        <source>A refund without return: compare the buyer's photos with the complaint.</source>
        <translation>仅退款：对照买家的照片和投诉内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/after_sale_rules.py" line="56" />
        <source>photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/after_sale_rules.py" line="57" />
        <source>photos, one showing at least 80% left</source>
        <translation>照片，其中一张显示剩余量至少 80%</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/after_sale_rules.py" line="58" />
        <source>photos and a hospital diagnosis</source>
        <translation>照片和医院诊断证明</translation>
    </message>
    <message>
        <location filename="../../app/services/attention/needs_attention.py" line="55" />
        <source>Only a decision that met a changed request can be applied again.</source>
        <translation>只有因售后单已变更而未生效的处理才能重新提交。</translation>
    </message>
    <message>
        <location filename="../../app/services/attention/needs_attention.py" line="58" />
        <source>The request has moved on and this decision no longer applies to it. Discard it instead.</source>
        <translation>该售后单状态已变化，此处理不再适用，请改为放弃。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decision_steps.py" line="37" />
        <source>This request is not in the local copy; sync and try again.</source>
        <translation>本地还没有这条售后单，请同步后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decision_steps.py" line="38" />
        <source>This request can no longer be decided this way; its state has changed. Refresh the queue.</source>
        <translation>该售后单状态已变化，不能再这样处理。请刷新队列。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decision_steps.py" line="41" />
        <source>A decision on this request is already waiting to be sent to the platform.</source>
        <translation>这条售后单已有一个处理正在等待提交到平台。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="58" />
        <source>The platform's list of refusal reasons has not been fetched yet. Connect once, then try again.</source>
        <translation>还没有获取到平台的拒绝原因列表。请先联网同步一次再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="62" />
        <source>Choose a refusal reason from the platform's list.</source>
        <translation>请从平台的拒绝原因列表中选择一个原因。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="63" />
        <source>Write a remark for the buyer explaining the refusal.</source>
        <translation>请填写给买家的拒绝说明。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="64" />
        <source>The reason “{reason}” needs evidence images. Add at least one.</source>
        <translation>拒绝原因“{reason}”需要上传凭证图片，请至少添加一张。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="67" />
        <source>Choose the return address the buyer should send the goods to.</source>
        <translation>请选择买家寄回商品的退货地址。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="68" />
        <source>Say how the returned goods arrived.</source>
        <translation>请填写退回商品的验收情况。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="69" />
        <source>The return address “{address}” has no id the platform knows (the number of the address in the shop's address list on the platform). Choose another address, or ask the owner to enter the shop's return addresses with their platform ids.</source>
        <translation>退货地址“{address}”没有平台认识的 ID（平台上店铺地址列表里该地址的编号）。请选择其他地址，或请店主按平台 ID 填写店铺的退货地址。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/decisions.py" line="75" />
        <source>Choose a carrier from the platform's list (the shipping board's carriers).</source>
        <translation>请从平台的快递公司列表中选择（与发货看板相同）。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/bulk.py" line="40" />
        <source>Not a refund request; decide it on its own.</source>
        <translation>这不是退款申请，请单独处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/bulk.py" line="41" />
        <source>Returned goods are inspected one request at a time; open this one on its own.</source>
        <translation>退回的商品需逐单验收，请单独打开这条售后。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/refusal_evidence.py" line="81" />
        <source>The picture “{name}” cannot be found or read. Add it again, or remove it.</source>
        <translation>找不到或无法读取图片“{name}”。请重新添加，或把它移除。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/refusal_evidence.py" line="84" />
        <source>“{name}” is not a PNG or JPEG picture, the only kinds the platform takes. Remove it, or add another.</source>
        <translation>“{name}”不是 PNG 或 JPEG 图片，平台只接受这两种。请删除它，或换一张。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/refusal_evidence.py" line="89" />
        <source>The picture “{name}” is larger than the platform takes (10 MB). Use a smaller one.</source>
        <translation>图片“{name}”超过了平台允许的大小（10 MB）。请换一张更小的。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/owner_handover.py" line="38" />
        <source>Say in a few words why the owner should decide this request.</source>
        <translation>请简单说明为什么要由店主处理这条售后。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/owner_handover.py" line="39" />
        <source>This request no longer waits for the shop; refresh the queue.</source>
        <translation>这条售后已不再等待商家处理，请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/owner_handover.py" line="42" />
        <source>This request is already waiting for the owner.</source>
        <translation>这条售后已经交给店主处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/owner_handover.py" line="43" />
        <source>This request is not waiting for the owner.</source>
        <translation>这条售后没有在等店主处理。</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <location filename="../../app/services/rule_history/shop_sets.py" line="38" />
        <source>Give the shop's rule set a name (at most 64 characters).</source>
        <translation>请给本店规则集起个名字（最多 64 个字）。</translation>
    </message>
    <message>
        <location filename="../../app/services/rule_history/shop_sets.py" line="39" />
        <source>The shop already has a rule set called {name}.</source>
        <translation>本店已有名为「{name}」的规则集。</translation>
    </message>
    <message>
        <location filename="../../app/services/rule_history/shop_sets.py" line="40" />
        <source>Set at least one value for the shop's rule set.</source>
        <translation>本店规则集至少要设一项。</translation>
    </message>
    <message>
        <location filename="../../app/services/rule_history/shop_sets.py" line="41" />
        <source>The rule set was not added: {problem}.</source>
        <translation>规则集未添加：{problem}。</translation>
    </message>
    <message>
        <location filename="../../app/services/rule_history/shop_sets.py" line="42" />
        <source>A shop's rule set starts today or later: the days already past keep the rules they had.</source>
        <translation>本店规则集只能从今天或以后生效：已经过去的日子沿用当时的规则。</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="19" />
        <source>Default ship-by promise (hours after payment)</source>
        <translation>默认发货时限（付款后小时数）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="20" />
        <source>The shop's calendar (time zone)</source>
        <translation>店铺日历（时区）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="21" />
        <source>Same-day shipping cut-off (hour)</source>
        <translation>当日发货截止（点）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="22" />
        <source>Longest presale (days)</source>
        <translation>预售最长（天）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="23" />
        <source>Pickup scan due within (hours)</source>
        <translation>揽收扫描时限（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="24" />
        <source>Refund goes through without a pickup scan after (hours)</source>
        <translation>无揽收扫描自动退款（小时后）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="27" />
        <source>Counted out of stock after (hours late)</source>
        <translation>超时多久算缺货（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="30" />
        <source>Compensation rounded to (fen)</source>
        <translation>赔付取整到（分）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="31" />
        <source>Urgent notice before the deadline (hours)</source>
        <translation>截止前提醒（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="32" />
        <source>Answer a request within (hours, when the platform gives no deadline)</source>
        <translation>售后处理时限（小时，平台未给截止时间时）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="35" />
        <source>No-reason return window (hours)</source>
        <translation>无理由退货期（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="36" />
        <source>Cosmetics allergy window (days)</source>
        <translation>化妆品过敏退货期（天）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="39" />
        <source>Fast refund before shipment, up to (fen)</source>
        <translation>未发货极速退上限（分）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="42" />
        <source>Fast refund on pickup, up to (fen)</source>
        <translation>取件极速退上限（分）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="47" />
        <source>percent of the paid amount</source>
        <translation>占实付金额百分比</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="48" />
        <source>at least (fen)</source>
        <translation>最低（分）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="49" />
        <source>at most (fen)</source>
        <translation>最高（分）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="50" />
        <source>for promises up to (hours)</source>
        <translation>适用于发货时限不超过（小时）</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="51" />
        <source>shipped late</source>
        <translation>延迟发货</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="52" />
        <source>not shipped (out of stock)</source>
        <translation>缺货不发</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="53" />
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="54" />
        <source>limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="57" />
        <source>Compensation band {band}: {rule}</source>
        <translation>赔付档 {band}：{rule}</translation>
    </message>
    <message>
        <location filename="../../app/views/rules/value_names.py" line="58" />
        <source>Fake shipment: {part}</source>
        <translation>虚假发货：{part}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../app/db.py" line="35" />
        <source>A newer version of AfterSales Desk has set this shop database up. Update AfterSales Desk on this computer first, then start it again.</source>
        <translation>这个店铺数据库由更新版本的售后工作台建立。请先更新这台电脑上的售后工作台，再重新启动。</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="44" />
        <source>AfterSales Desk {made_by} set this shop database up, and this desk is version {ours}, an older one that cannot use it. Nothing in the database was changed. Install AfterSales Desk {made_by} or newer on this computer, then start it again.</source>
        <translation>这个店铺数据库由售后工作台 {made_by} 建立，而本工作台是 {ours} 版，较旧，无法使用它。数据库中的内容没有任何改动。请在这台电脑上安装售后工作台 {made_by} 或更新的版本，然后再启动。</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="50" />
        <source>A newer AfterSales Desk than this one (version {ours}) set this shop database up, and this desk cannot use it. Nothing in the database was changed. Install the newest AfterSales Desk on this computer, then start it again.</source>
        <translation>这个店铺数据库由比本工作台（{ours} 版）更新的售后工作台建立，本工作台无法使用它。数据库中的内容没有任何改动。请在这台电脑上安装最新版的售后工作台，然后再启动。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="54" />
        <source>Connected. The database is empty; AfterSales Desk will set it up when it starts.</source>
        <translation>已连接。数据库是空的，售后工作台启动时会自动建立。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="57" />
        <source>Connected. This database is ready for AfterSales Desk.</source>
        <translation>已连接。这个数据库可供售后工作台使用。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="60" />
        <source>Connected. The database was set up by an older version; AfterSales Desk will upgrade it when it starts.</source>
        <translation>已连接。数据库由旧版本建立，售后工作台启动时会自动升级。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="66" />
        <source>Connected, but this database already holds other data, not AfterSales Desk's. Choose an empty database, or the one the shop's other computers use.</source>
        <translation>已连接，但这个数据库里已有其他软件的数据，不是售后工作台的。请选择一个空数据库，或店里其他电脑正在使用的那个。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="71" />
        <source>The database server did not answer. Check the server address and port, that the server is running, and that no firewall is in the way.</source>
        <translation>数据库服务器没有响应。请检查服务器地址和端口、服务器是否在运行，以及是否被防火墙拦截。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="76" />
        <source>The database server did not accept this user and password. Check both, and that this user may sign in.</source>
        <translation>数据库服务器不接受这个用户名和密码。请检查两者，并确认这个用户允许登录。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="81" />
        <source>The server has no database with this name. Check the database name.</source>
        <translation>服务器上没有这个名字的数据库。请检查数据库名称。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="84" />
        <source>The database server does not let this computer in. Whoever looks after the server must allow this computer's address (in pg_hba.conf).</source>
        <translation>数据库服务器不允许这台电脑连接。请管理服务器的人放行这台电脑的地址（在 pg_hba.conf 中）。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="89" />
        <source>Connected, but this user may not set up or use AfterSales Desk's tables in this database. Use the database's owner, or ask whoever looks after the server to give this user the rights.</source>
        <translation>已连接，但这个用户无权在此数据库中建立或使用售后工作台的数据表。请使用数据库的所有者，或请管理服务器的人给这个用户授权。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="94" />
        <source>This is not a database address AfterSales Desk understands. It should look like postgresql://user@server:5432/database.</source>
        <translation>售后工作台无法识别这个数据库地址。格式应类似 postgresql://user@server:5432/database。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="99" />
        <source>The shop's database file is damaged and cannot be read. It was left as it is: keep a copy (decisions not yet sent may be in it), then restore a backup or move the file aside, and AfterSales Desk starts a new one and syncs the shop again.</source>
        <translation>店铺的数据库文件已损坏，无法读取。文件保持原样未动：请先留一份副本（里面可能还有尚未发送的处理决定），然后从备份恢复，或把这个文件移到别处，售后工作台会新建一个数据库文件并重新同步店铺数据。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="105" />
        <source>The disk is full, so nothing more can be stored and the sync stopped. Nothing was lost: what is stored stays, and the rest follows once there is room. Free some space on the disk (or ask whoever looks after the database server), then start again.</source>
        <translation>磁盘已满，无法再保存数据，同步已停止。没有丢失任何数据：已保存的都还在，腾出空间后其余数据会继续同步。请清理磁盘空间（或联系负责数据库服务器的人），然后重新开始。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="111" />
        <source>The database could not be used: {detail}</source>
        <translation>无法使用这个数据库：{detail}</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/connection_settings.py" line="29" />
        <source>Fill in the server, the database and the user.</source>
        <translation>请填写服务器、数据库和用户。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="55" />
        <source>The time between syncs must be a number of seconds from {min} to {max}, not {value}.</source>
        <translation>两次同步的间隔必须是 {min} 到 {max} 之间的秒数，不能是 {value}。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="58" />
        <source>The settings file was damaged, so every setting was reset to its default.</source>
        <translation>设置文件已损坏，所有设置都已恢复为默认值。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="61" />
        <source>The settings file could not be read ({error}); the defaults are used for now.</source>
        <translation>无法读取设置文件（{error}），暂时使用默认设置。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="64" />
        <source>The language setting could not be used; the app follows the system's language.</source>
        <translation>语言设置无法使用，软件将跟随系统语言。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="67" />
        <source>The time between syncs could not be used ({value}); it is {default} seconds again (it can be from {min} to {max} seconds).</source>
        <translation>两次同步的间隔设置无法使用（{value}），已恢复为 {default} 秒（可设为 {min} 到 {max} 秒）。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="72" />
        <source>The shop database setting could not be read and was cleared.</source>
        <translation>店铺数据库设置无法读取，已清除。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="75" />
        <source>The shop's connection could not be read; the demo shop is used until the owner connects the shop again (Settings → Change shop).</source>
        <translation>店铺连接设置无法读取；在店主重新连接店铺（设置 → 更换店铺）之前，先使用演示店铺。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="80" />
        <source>Shops listed in the settings could not be read and were left out (place in the list: {places}); the owner can add them again in Settings.</source>
        <translation>设置中列出的部分店铺无法读取，已略去（列表中的位置：{places}）；店主可以在“设置”中重新添加。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="85" />
        <source>“Stay signed in” could not be read; everyone signs in with a password for now.</source>
        <translation>“保持登录”设置无法读取，暂时每个人都需要输入密码登录。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="88" />
        <source>The window layout and other saved choices could not be read; they start afresh.</source>
        <translation>窗口布局等已保存的选择无法读取，将重新开始。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="91" />
        <source>Entries this version does not know were left out: {names}.</source>
        <translation>以下当前版本不认识的设置项已略去：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="94" />
        <source>The update address could not be read; the desk does not look for updates until it is set again.</source>
        <translation>无法读取更新地址；在重新设置之前，工作台不会检查更新。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="98" />
        <source>The damaged file was kept as {path}.</source>
        <translation>损坏的文件已保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../app/config.py" line="99" />
        <source>This workstation used the shared shop database {database}, but its settings no longer name it (the settings file was damaged or is missing). Working in this computer's own database instead would split the shop's data in two.</source>
        <translation>这台电脑原先使用共享的店铺数据库 {database}，但现在的设置里已经没有它了（设置文件损坏或丢失）。如果改用这台电脑自己的数据库，店铺的数据就会分成两份。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/desk_role.py" line="31" />
        <source>The desks' database user must be another user than the one that sets the database up.</source>
        <translation>各工作站使用的数据库用户必须与设置数据库的用户不同。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/desk_role.py" line="35" />
        <source>The database user {user} may change any table, so the audit trail would not be safe with it. Choose a new user name for the desks.</source>
        <translation>数据库用户 {user} 可以修改任何数据表，用它连接审计记录就不再安全。请为各工作站另起一个新的用户名。</translation>
    </message>
</context>
<context>
    <name>shipping</name>
    <message>
        <location filename="../../app/services/shipping/carriers.py" line="50" />
        <source>Choose the carrier.</source>
        <translation>请选择快递公司。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/carriers.py" line="51" />
        <source>Enter or scan the tracking number.</source>
        <translation>请输入或扫描运单号。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/carriers.py" line="52" />
        <source>A tracking number has at most {max} characters.</source>
        <translation>运单号最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/carriers.py" line="53" />
        <source>This tracking number does not look like a {carrier} number (for example {example}).</source>
        <translation>这个运单号不符合{carrier}的单号格式（例如 {example}）。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/carriers.py" line="56" />
        <source>This app does not know the number format of this carrier, so the tracking number was not checked here; the platform will check it.</source>
        <translation>本软件不知道这家快递公司的单号格式，所以这里没有检查运单号，平台会检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/attention/needs_attention.py" line="61" />
        <source>Only a shipment the platform stopped for a pending refund request can be applied again, refusing that refund, while the order still waits to be shipped. Discard this one instead.</source>
        <translation>只有因买家有待处理的退款申请而被平台拦下、且订单仍在待发货的发货，才能重新提交（同时拒绝这笔退款）。这条请放弃。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="51" />
        <source>Same day</source>
        <translation>当日发</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="52" />
        <source>Next day</source>
        <translation>次日发</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="53" />
        <source>Within 48 h</source>
        <translation>48小时内发货</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="54" />
        <source>Presale</source>
        <translation>预售</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="55" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="67" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="68" />
        <source>Due within {hours} h</source>
        <translation>{hours} 小时内到期</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="69" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="70" />
        <source>Due tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/deadlines.py" line="71" />
        <source>Later</source>
        <translation>明天以后</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="63" />
        <source>Only CSV and Excel (.xlsx) files can be read. Save the sheet in one of these formats.</source>
        <translation>只能读取 CSV 和 Excel（.xlsx）文件。请把表格另存为其中一种格式。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="66" />
        <source>The file could not be opened: {reason}</source>
        <translation>无法打开文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="67" />
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="68" />
        <source>The file is not readable text. Save it from Excel as "CSV UTF-8" and try again.</source>
        <translation>文件内容无法按文本读取。请在 Excel 中另存为“CSV UTF-8”格式后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="71" />
        <source>The file could not be opened as an Excel workbook; it may be damaged or not really an .xlsx file. Open it in Excel, save it again and try again.</source>
        <translation>无法作为 Excel 工作簿打开这个文件，它可能已损坏，或者并不是真正的 .xlsx 文件。请用 Excel 打开，重新保存后再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="76" />
        <source>No header row was found. The first rows must name the columns: order id (订单号), carrier (快递公司) and tracking number (运单号).</source>
        <translation>没有找到表头。表格开头几行要写明列名：订单号、快递公司、运单号。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="81" />
        <source>The header row has no column for: {columns}. Add it and try again.</source>
        <translation>表头缺少这些列：{columns}。请补上后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="84" />
        <source>Row {row} has a quotation mark (") that is never closed, so everything after it reads as one cell. Remove the stray quotation mark, or open the file in Excel, save it again and try again.</source>
        <translation>第 {row} 行有一个没有闭合的引号（"），导致它后面的内容都被当成了一个单元格。请删掉这个多余的引号，或者用 Excel 打开文件重新保存后再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="89" />
        <source>Row {row} could not be read as CSV. Open the file in Excel, save it again as "CSV UTF-8" and try again.</source>
        <translation>第 {row} 行无法按 CSV 格式读取。请用 Excel 打开文件，另存为“CSV UTF-8”格式后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="93" />
        <source>The file has a header row but no orders under it.</source>
        <translation>文件只有表头，下面没有订单。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="94" />
        <source>The file has more than {max} rows. Split it into smaller files.</source>
        <translation>文件超过 {max} 行，请拆分成几个小文件。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="104" />
        <source>The order id is empty.</source>
        <translation>订单号为空。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="105" />
        <source>The tracking number is empty.</source>
        <translation>运单号为空。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="106" />
        <source>The order id {value} was turned into a number by Excel and has lost its last digits. Format the order id column as text, paste the ids again and save.</source>
        <translation>订单号 {value} 被 Excel 转成了数字，末尾几位已经丢失。请把订单号这一列设为“文本”格式，重新粘贴订单号后保存。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_file.py" line="111" />
        <source>The tracking number {value} was turned into a number by Excel and has lost its last digits. Format the tracking number column as text, paste the numbers again and save.</source>
        <translation>运单号 {value} 被 Excel 转成了数字，末尾几位已经丢失。请把运单号这一列设为“文本”格式，重新粘贴运单号后保存。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="54" />
        <source>Order {order} is not in the local copy, and its trailing zeros look like Excel rounded a longer number. Format the order id column as text and paste the ids again.</source>
        <translation>本地数据中没有订单 {order}，而且它末尾的几个 0 看起来是 Excel 把更长的数字四舍五入了。请把订单号这一列设为“文本”格式，重新粘贴订单号。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="59" />
        <source>Unknown carrier "{carrier}". Use a carrier name or code from the platform's list.</source>
        <translation>不认识的快递公司“{carrier}”。请使用平台列表中的快递公司名称或编码。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="62" />
        <source>"{carrier}" ({name}) is not on the platform's carrier list. Use a carrier from the list.</source>
        <translation>“{carrier}”（{name}）不在平台的快递公司列表中，请换用列表中的快递公司。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="65" />
        <source>The carrier is empty, and the tracking number does not show which carrier it is. Fill it in.</source>
        <translation>快递公司为空，且从运单号看不出是哪家快递，请填写快递公司。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="68" />
        <source>The carrier is empty, and the tracking number could be {carriers}. Fill it in.</source>
        <translation>快递公司为空，运单号可能属于{carriers}，请填写快递公司。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="71" />
        <source>Carrier recognised from the tracking number: {carrier}.</source>
        <translation>已按运单号识别快递公司：{carrier}。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="72" />
        <source>"{written}" is not a carrier this app knows; the tracking number is a {carrier} number, so {carrier} is used.</source>
        <translation>无法识别快递公司“{written}”；运单号是{carrier}的单号，将按{carrier}发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="77" />
        <source>Order {order} is already on row {row}; each order is shipped once.</source>
        <translation>订单 {order} 已在第 {row} 行出现过；每个订单只发一次货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="80" />
        <source>Order {order} is on rows {rows} with different parcels. Keep the right row and delete the others.</source>
        <translation>订单 {order} 出现在第 {rows} 行，包裹信息各不相同。请保留正确的一行，删除其他行。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipment_import.py" line="84" />
        <source>Row {row}, order {order}: something changed since the preview. Nothing was shipped.</source>
        <translation>第 {row} 行，订单 {order}：预览之后情况有变化。这批订单都没有发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="48" />
        <source>This order is not in the local copy; sync and try again.</source>
        <translation>本地数据中还没有这个订单，请同步后重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="50" />
        <source>This order has already been shipped.</source>
        <translation>这个订单已经发货了。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="51" />
        <source>This order was cancelled. Do not send the parcel.</source>
        <translation>这个订单已取消，请不要寄出包裹。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="52" />
        <source>This order is already completed.</source>
        <translation>这个订单已完成。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="53" />
        <source>This order has not been paid yet. Do not send it.</source>
        <translation>这个订单还没付款，请不要发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="55" />
        <source>This order cannot be shipped in its current state. Refresh the board.</source>
        <translation>这个订单当前的状态不能发货，请刷新发货页面。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="58" />
        <source>A shipment of this order is already waiting to be sent to the platform.</source>
        <translation>这个订单已有一条发货正在等待提交给平台。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="61" />
        <source>This order was already shipped from here with tracking number {tracking}; the next sync shows it.</source>
        <translation>这个订单已在本机用运单号 {tracking} 发货，下次同步后会显示。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="65" />
        <source>The buyer asked for a refund before shipment (request {request}, {amount}). Do not send the parcel yet: decide the request first, or, if you may refuse refunds, ship and refuse the refund.</source>
        <translation>买家在发货前申请了退款（售后单 {request}，{amount}）。先不要寄出包裹：请先处理这条售后申请；如果你有权拒绝退款，也可以发货并拒绝退款。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="72" />
        <source>The buyer asked for a refund before shipment (request {request}). Do not send the parcel yet: ask the owner or customer service to decide the request first.</source>
        <translation>买家在发货前申请了退款（售后单 {request}）。先不要寄出包裹：请店主或客服先处理这条售后申请。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="77" />
        <source>A decision on the buyer's refund request {request} is waiting to be sent to the platform. Ship once it has gone through.</source>
        <translation>买家退款申请 {request} 的处理结果正在等待提交给平台，提交成功后再发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="82" />
        <source>Tracking number {tracking} is already used for order {order}.</source>
        <translation>运单号 {tracking} 已用于订单 {order}。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/shipments.py" line="85" />
        <source>Tracking number {tracking} is used more than once in this batch.</source>
        <translation>运单号 {tracking} 在这批中重复出现。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="26" />
        <source>{order} is not among this shop's orders here. Check the number, or sync and scan it again.</source>
        <translation>本店订单中没有 {order}。请核对单号，或同步后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="29" />
        <source>{order} was already shipped on {time} with {carrier} {tracking}. Do not send another parcel.</source>
        <translation>{order} 已于 {time} 发货，{carrier} {tracking}。请勿重复发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="32" />
        <source>{order} was already shipped on {time}. Do not send another parcel.</source>
        <translation>{order} 已于 {time} 发货。请勿重复发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="35" />
        <source>{order} was already shipped from this desk on {time} with {carrier} {tracking}; the shipment is on its way to the platform. Do not send another parcel.</source>
        <translation>{order} 已于 {time} 在本机发货，{carrier} {tracking}，正在提交到平台。请勿重复发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="40" />
        <source>{order} is already completed: it was shipped on {time} with {carrier} {tracking}.</source>
        <translation>{order} 已完成：已于 {time} 发货，{carrier} {tracking}。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="43" />
        <source>{order} was cancelled. Do not send the parcel.</source>
        <translation>{order} 已取消，请勿发出包裹。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="44" />
        <source>{order} has not been paid yet. Do not send it.</source>
        <translation>{order} 尚未付款，请勿发货。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="45" />
        <source>{order} is waiting to ship, but the board's filter hides it. Clear the filter and scan it again.</source>
        <translation>{order} 正在等待发货，但被看板的筛选条件隐藏了。请清除筛选后再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/scanned_order.py" line="49" />
        <source>{order} is waiting to ship; the board has just been brought up to date. Scan it again.</source>
        <translation>{order} 正在等待发货，看板刚刚已更新，请再扫一次。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/labels.py" line="26" />
        <source>The label of order {order} cannot be fetched now: the platform cannot be reached. No copy is kept on this computer yet; try again once the internet is back.</source>
        <translation>订单 {order} 的面单现在无法获取：连不上平台。本机还没有保存它的副本；请等网络恢复后再试。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/labels.py" line="31" />
        <source>The platform sent something for order {order}'s label that is not a PDF; nothing was kept.</source>
        <translation>平台为订单 {order} 的面单发来的不是 PDF 文件；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/services/shipping/labels.py" line="140" />
        <source>This shop's platform gives no shipping labels to print from here.</source>
        <translation>本店铺所在平台不提供可在此打印的面单。</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../app/platforms/port.py" line="66" />
        <source>The platform could not be reached. Check the internet connection.</source>
        <translation>无法连接到平台，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="69" />
        <source>The platform did not answer in time.</source>
        <translation>平台未及时响应。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="70" />
        <source>The platform's server had a problem (HTTP error).</source>
        <translation>平台服务器出现问题（HTTP 错误）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="71" />
        <source>The platform sent an answer that could not be read.</source>
        <translation>平台返回的数据无法识别。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="72" />
        <source>The platform asked us to slow down (rate limit).</source>
        <translation>平台要求降低请求频率（触发限流）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="73" />
        <source>The platform is having trouble right now.</source>
        <translation>平台暂时出现故障。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="76" />
        <source>The platform says a request from this app was incomplete or malformed. That is a fault of this app, not a refusal: nothing was done, and nothing waiting to be sent is lost. Report it to the app's maker with the platform's words.</source>
        <translation>平台提示本应用发出的请求不完整或格式有误。这是本应用的故障，而不是拒绝：什么都没有执行，待发送的内容也不会丢失。请把平台的原话告诉本应用的开发方。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="82" />
        <source>The platform no longer offers a service this app uses, so this app must be updated. Report it to the app's maker with the platform's words. Nothing waiting to be sent is lost.</source>
        <translation>平台已不再提供本应用使用的某项服务，需要更新本应用。请把平台的原话告诉本应用的开发方。待发送的内容都不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="87" />
        <source>The platform had an unexpected problem. The app tries again by itself; if this keeps happening, report it to the app's maker with the platform's words.</source>
        <translation>平台出现了意外问题。本应用会自动重试；如果一直出现，请把平台的原话告诉本应用的开发方。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="63" />
        <location filename="../../app/platforms/tiktok/errors.py" line="110" />
        <source>The platform rejected our signature: the app key or app secret is wrong.</source>
        <translation>平台拒绝了签名：App Key 或 App Secret 不正确。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="66" />
        <location filename="../../app/platforms/tiktok/errors.py" line="113" />
        <source>The platform says this computer's clock is wrong. Set the date and time correctly.</source>
        <translation>平台提示本机时间不正确，请校准电脑的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="69" />
        <location filename="../../app/platforms/tiktok/errors.py" line="116" />
        <source>The platform did not accept our access token, even after renewing it.</source>
        <translation>平台不接受访问令牌（已尝试刷新）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="72" />
        <source>The shop has not authorised this app (or has revoked it). The shop owner must authorise it again.</source>
        <translation>店铺未授权本应用（或已取消授权），需要店主重新授权。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="76" />
        <source>The platform does not accept requests from this computer's internet address, {ip}: it is not on the app's IP whitelist. Whoever manages the app on the Douyin Open Platform (op.jinritemai.com) must add {ip} to the app's IP whitelist (IP白名单). Nothing waiting to be sent is lost; the sync goes on by itself once the address is added.</source>
        <translation>平台不接受来自本机互联网地址 {ip} 的请求：该地址不在应用的 IP 白名单中。请由在抖店开放平台（op.jinritemai.com）管理本应用的人，把 {ip} 加入应用的 IP白名单。待发送的内容都不会丢失；地址加入后，同步会自动继续。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="83" />
        <source>The platform does not accept requests from this computer's internet address: it is not on the app's IP whitelist. Whoever manages the app on the Douyin Open Platform (op.jinritemai.com) must add this computer's public internet address (the one the internet sees, which whoever runs this network can tell) to the app's IP whitelist (IP白名单). Nothing waiting to be sent is lost; the sync goes on by itself once the address is added.</source>
        <translation>平台不接受来自本机互联网地址的请求：该地址不在应用的 IP 白名单中。请由在抖店开放平台（op.jinritemai.com）管理本应用的人，把本机的公网 IP 地址（互联网看到的地址，本网络的管理员可以告诉你）加入应用的 IP白名单。待发送的内容都不会丢失；地址加入后，同步会自动继续。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="91" />
        <source>The app may not use this part of the platform: its permission packages do not include it. The app's developer must apply for the permission package (权限包) on the Douyin Open Platform (op.jinritemai.com). Nothing waiting to be sent is lost.</source>
        <translation>本应用无权使用平台的这部分功能：它的权限包不包含此项。请应用的开发者在抖店开放平台（op.jinritemai.com）申请相应的权限包。待发送的内容都不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="97" />
        <source>The shop owner has switched off this app's authorisation. The owner must switch it back on. Nothing waiting to be sent is lost.</source>
        <translation>店主已关闭对本应用的授权，需要店主重新打开授权开关。待发送的内容都不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="102" />
        <source>The platform has disabled this app. Contact the Douyin Open Platform (op.jinritemai.com) about it. Nothing waiting to be sent is lost.</source>
        <translation>平台已禁用本应用，请就此联系抖店开放平台（op.jinritemai.com）。待发送的内容都不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="107" />
        <source>The platform does not know this app key. Check the app key (Settings → Change shop).</source>
        <translation>平台不认识这个 App Key，请检查 App Key（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="110" />
        <source>The platform says the app key is not in the right form (19 digits). Check the app key (Settings → Change shop).</source>
        <translation>平台提示 App Key 格式不正确（应为 19 位数字），请检查 App Key（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="115" />
        <source>The platform says this app key has expired. The app's developer must upgrade the app on the Douyin Open Platform (op.jinritemai.com); then connect the shop with the new key (Settings → Change shop).</source>
        <translation>平台提示这个 App Key 已过期。请应用的开发者在抖店开放平台（op.jinritemai.com）升级应用，然后用新的 App Key 连接店铺（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="121" />
        <source>The platform says the shop's access token belongs to another app. Check that the app key and the shop ID belong together (Settings → Change shop).</source>
        <translation>平台提示店铺的访问令牌属于另一个应用。请检查 App Key 和店铺 ID 是否对应（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="126" />
        <source>The platform says the shop's authorisation does not fit this app. Check the app key and the shop ID (Settings → Change shop); the shop owner may have to authorise the app again.</source>
        <translation>平台提示店铺的授权与本应用不符。请检查 App Key 和店铺 ID（设置 → 更换店铺）；店主可能需要重新授权本应用。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="131" />
        <source>The platform did not accept this app's credentials. Check the app key, the app secret and the shop ID (Settings → Change shop).</source>
        <translation>平台不接受本应用的凭据。请检查 App Key、App Secret 和店铺 ID（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="136" />
        <location filename="../../app/platforms/tiktok/errors.py" line="119" />
        <source>The platform says the app key does not exist or does not match the app secret. Check both (Settings → Change shop).</source>
        <translation>平台提示 App Key 不存在，或与 App Secret 不匹配。请检查两者（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/errors.py" line="141" />
        <source>The shop's access could not be renewed: the platform no longer accepts it. The shop owner must authorise the app again. Nothing waiting to be sent is lost.</source>
        <translation>无法续期店铺的访问权限：平台已不再接受。需要店主重新授权本应用。待发送的内容都不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/port.py" line="74" />
        <source>The platform refused the request.</source>
        <translation>平台拒绝了该请求。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/client.py" line="52" />
        <location filename="../../app/platforms/tiktok/errors.py" line="124" />
        <source>The gateway address does not lead to the platform's API. Check the gateway URL.</source>
        <translation>网关地址无法访问平台接口，请检查网关 URL。</translation>
    </message>
    <message>
        <location filename="../../app/sync/worker.py" line="60" />
        <source>Sync failed unexpectedly; it will try again. The log file has the details.</source>
        <translation>同步意外失败，稍后会自动重试。详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../app/sync/push.py" line="61" />
        <source>The platform's state changed before this decision arrived; it was not applied.</source>
        <translation>在这个决定送达之前，平台上的状态已经变了；这个决定没有生效。</translation>
    </message>
    <message>
        <location filename="../../app/sync/push.py" line="66" />
        <source>The platform approved this request on its own when the deadline passed.</source>
        <translation>处理期限已过，平台已自动同意了这个售后申请。</translation>
    </message>
    <message>
        <location filename="../../app/sync/operation_to_send.py" line="26" />
        <source>This app does not know how to send this operation. Discard it and decide again.</source>
        <translation>本应用不知道如何发送此操作。请丢弃它并重新决定。</translation>
    </message>
    <message>
        <location filename="../../app/shop.py" line="59" />
        <source>The demo shop could not start on this computer.</source>
        <translation>演示店铺无法在这台电脑上启动。</translation>
    </message>
    <message>
        <location filename="../../app/shop.py" line="60" />
        <source>The shop's app secret is not on this computer. The owner must connect the shop again (Settings → Change shop).</source>
        <translation>这台电脑上没有店铺的 App Secret，需要店主重新连接店铺（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="195" />
        <source>The order had already been shipped on the platform, so this tracking number was not added. Check the order, then discard this shipment.</source>
        <translation>这个订单在平台上已经发货，所以没有添加这个运单号。请核对订单，然后放弃这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="200" />
        <source>The order was cancelled on the platform. Do not send the parcel; discard this shipment.</source>
        <translation>这个订单在平台上已取消。请不要寄出包裹，并放弃这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="203" />
        <source>The order is already completed on the platform and cannot be shipped. Discard this shipment.</source>
        <translation>这个订单在平台上已完成，不能再发货。请放弃这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="206" />
        <source>The buyer was refunded before shipment and the order is closed. Do not send the parcel; discard this shipment.</source>
        <translation>买家在发货前已经退款，订单已关闭。请不要寄出包裹，并放弃这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="211" />
        <source>The buyer has asked for a refund before shipment, so the platform did not take the shipment. Decide the refund first, or have someone allowed to refuse refunds apply the shipment again, refusing the refund.</source>
        <translation>买家在发货前申请了退款，所以平台没有接受这次发货。请先处理退款；或者让有权拒绝退款的人重新提交这次发货，同时拒绝退款。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="217" />
        <source>The platform does not know this carrier. Discard this shipment and ship again with a carrier from the platform's list.</source>
        <translation>平台不认识这家快递公司。请放弃这次发货，改用平台列表中的快递公司重新发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="222" />
        <source>The platform says the tracking number does not fit the carrier. Check the number and the carrier on the parcel's label, discard this shipment and ship again.</source>
        <translation>平台提示运单号和快递公司不匹配。请核对包裹面单上的单号和快递公司，放弃这次发货后重新发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="227" />
        <source>The platform has no such order. Discard this shipment.</source>
        <translation>平台上没有这个订单。请放弃这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="230" />
        <source>The platform says this tracking number is already used by another order. Check the parcel's label, discard this shipment and ship again with the right number.</source>
        <translation>平台提示这个运单号已被其他订单使用。请核对包裹面单，放弃这次发货，用正确的单号重新发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/codes.py" line="251" />
        <source>The platform takes only evidence pictures uploaded to it whose review passed, and this refusal pointed to other pictures. Discard this refusal and refuse again with the pictures.</source>
        <translation>平台只接受已上传且审核通过的凭证图片，而这条拒绝用了其他图片。请放弃这条拒绝，带上图片重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/sync/evidence_upload.py" line="63" />
        <source>An evidence picture of this refusal cannot be found (a refusal made before the app was updated keeps its pictures on the computer where it was made). Discard this refusal and refuse again with the pictures.</source>
        <translation>找不到这次拒绝所附的凭证图片（软件更新前做出的拒绝，图片保存在做出拒绝的那台电脑上）。请放弃这次拒绝，再附上图片重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/sync/evidence_upload.py" line="69" />
        <source>The copy of an evidence picture kept for this refusal is damaged. Discard this refusal and refuse again with the pictures.</source>
        <translation>为这次拒绝保存的凭证图片副本已损坏。请放弃这次拒绝，带上图片重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/material.py" line="78" />
        <source>The platform could not read an evidence picture of this refusal as a PNG or JPEG picture. Discard this refusal and refuse again with other pictures.</source>
        <translation>平台无法把这条拒绝的一张凭证图片识别为 PNG 或 JPEG 图片。请放弃这条拒绝，换其他图片重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/material.py" line="83" />
        <source>An evidence picture of this refusal is larger than the platform takes. Discard this refusal and refuse again with smaller pictures.</source>
        <translation>这条拒绝的一张凭证图片超过了平台允许的大小。请放弃这条拒绝，换更小的图片重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/material.py" line="88" />
        <source>The platform would not take an evidence picture of this refusal: it suspects the picture breaks its rules. Discard this refusal and refuse again with another picture.</source>
        <translation>平台不接受这条拒绝的一张凭证图片：它怀疑图片违反平台规则。请放弃这条拒绝，换一张图片重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/material.py" line="93" />
        <source>The shop's picture storage on the platform is full. Delete unused pictures in the shop's material centre (素材中心), then sync again.</source>
        <translation>店铺在平台上的图片空间已满。请在抖店后台的素材中心删除不用的图片，然后重新同步。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/material.py" line="99" />
        <location filename="../../app/sync/evidence_upload.py" line="74" />
        <source>The platform did not take an evidence picture of this refusal. Discard this refusal and refuse again with other pictures.</source>
        <translation>平台没有接受这次拒绝的凭证图片。请放弃这次拒绝，换其他图片重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/sync/sync_process.py" line="41" />
        <source>The sync stopped unexpectedly and is starting again…</source>
        <translation>同步意外停止，正在重新启动…</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="42" />
        <source>A number in it is too large to be stored.</source>
        <translation>其中有一个数字太大，无法保存。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="43" />
        <source>An id or code in it contains characters that cannot be stored.</source>
        <translation>其中的编号或代码含有无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="46" />
        <source>An id or code in it is longer than can be stored.</source>
        <translation>其中的编号或代码太长，无法保存。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="47" />
        <source>It is dated in the future, which the platform's clock cannot mean.</source>
        <translation>它的时间在未来，平台的时间不可能是这样。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="50" />
        <source>The database refused to store it.</source>
        <translation>数据库拒绝保存这条记录。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="52" />
        <source>The platform sent something in its list of orders that is not an order.</source>
        <translation>平台发来的订单列表里有一项不是订单。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="55" />
        <source>The platform sent this order without a readable order number.</source>
        <translation>平台发来的这个订单没有可识别的订单号。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="58" />
        <source>The platform sent this order without its update time.</source>
        <translation>平台发来的这个订单缺少更新时间。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="61" />
        <source>The platform sent this order with an update time that is not a time.</source>
        <translation>平台发来的这个订单的更新时间不是有效的时间。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="64" />
        <source>The platform sent this order with a part missing or in a form that cannot be read.</source>
        <translation>平台发来的这个订单缺少部分内容，或有内容的格式无法识别。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="67" />
        <source>The platform sent something in its list of after-sale requests that is not a request.</source>
        <translation>平台发来的售后单列表里有一项不是售后单。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="70" />
        <source>The platform sent this after-sale request without a readable request number.</source>
        <translation>平台发来的这个售后单没有可识别的售后单号。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="73" />
        <source>The platform sent this after-sale request without its update time.</source>
        <translation>平台发来的这个售后单缺少更新时间。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="76" />
        <source>The platform sent this after-sale request with an update time that is not a time.</source>
        <translation>平台发来的这个售后单的更新时间不是有效的时间。</translation>
    </message>
    <message>
        <location filename="../../app/sync/quarantine.py" line="79" />
        <source>The platform sent this after-sale request with a part missing or in a form that cannot be read.</source>
        <translation>平台发来的这个售后单缺少部分内容，或有内容的格式无法识别。</translation>
    </message>
    <message>
        <location filename="../../app/services/attention/needs_attention.py" line="52" />
        <source>This record is no longer in the list: the platform sent it corrected, or someone dismissed it.</source>
        <translation>这条记录已不在列表中：平台已发来更正后的版本，或已有人将其忽略。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="116" />
        <source>The disk is full, so nothing more can be stored. Nothing has been lost: free some space on the disk (or ask whoever looks after the database server) and the sync carries on by itself.</source>
        <translation>磁盘已满，无法再保存数据。没有丢失任何数据：请清理磁盘空间（或联系负责数据库服务器的人），同步会自动继续。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="121" />
        <source>The shop's database file is damaged and cannot be read; it was left as it is. Keep a copy (decisions not yet sent may be in it), then restore a backup or move the file aside and start AfterSales Desk again.</source>
        <translation>店铺的数据库文件已损坏，无法读取；文件保持原样未动。请先留一份副本（里面可能还有尚未发送的处理决定），然后从备份恢复，或把这个文件移到别处，再重新启动售后工作台。</translation>
    </message>
    <message>
        <location filename="../../app/services/setup/shop_database.py" line="127" />
        <source>The shop's database server is not answering. Nothing has been lost; the sync tries again by itself.</source>
        <translation>店铺的数据库服务器没有响应。没有丢失任何数据，同步会自动重试。</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_status.py" line="21" />
        <source>Another sync is running on this database (on another workstation, or a sync service on this computer); this one takes over if it stops.</source>
        <translation>另一个同步正在使用此数据库（在另一台电脑上，或是本机的同步服务）；它停止后由这里接替。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/adapter.py" line="56" />
        <source>A refund requested before shipment can only be refused by shipping the order. Discard this and use “Refuse by shipping” in the refund queue or on the shipping board.</source>
        <translation>发货前申请的退款只能通过发货来拒绝。请放弃此操作，改在售后审核或发货看板中使用“发货拒绝退款”。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/adapter.py" line="63" />
        <source>Douyin prints its shipping labels (electronic waybills) with its own print component, so this app cannot fetch the label. Print it from Douyin's shop backend.</source>
        <translation>抖店用其自有的打印组件打印快递面单（电子面单），本应用无法获取面单。请在抖店后台打印。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/exchanges.py" line="24" />
        <source>The platform needs the carrier and tracking number of the goods you send out, and this decision has none (it was queued by an older version of this app). Discard it and decide again: the dialog asks for them.</source>
        <translation>平台需要寄出商品的快递公司和运单号，而这条处理没有（它由旧版本排队）。请放弃它并重新处理：对话框会要求填写。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/douyin/exchanges.py" line="30" />
        <source>The return address of this decision is not a number the platform knows (an address id from the shop's address list). Discard it and decide again with one of the shop's return addresses.</source>
        <translation>这条处理的退货地址不是平台认识的编号（店铺地址列表中的地址 ID）。请放弃它，并用店铺的退货地址重新处理。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/refusal_evidence.py" line="58" />
        <source>The platform's review rejected evidence picture {number} of this refusal (its words are below), so the refusal was not sent. Discard it, then refuse again with another picture in its place: the reason and remark are filled in as you wrote them.</source>
        <translation>平台审核驳回了这条拒绝的第 {number} 张凭证图片（平台的原话见下方），所以拒绝没有发出。请放弃它，然后换一张图片重新拒绝：拒绝原因和备注会按您原来写的自动填好。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/refusal_evidence.py" line="68" />
        <source>Waiting for the platform to review the evidence pictures. The refusal is sent as soon as they pass; nothing to do for now.</source>
        <translation>正在等待平台审核凭证图片。图片审核通过后会立即发出拒绝，目前无需操作。</translation>
    </message>
    <message>
        <location filename="../../app/services/refunds/refusal_evidence.py" line="73" />
        <source>Urgent: the platform is still reviewing the evidence pictures and the reply deadline is near. If the review has not passed by the deadline, the platform approves the request on its own. Refuse it in the shop's back office if it cannot wait.</source>
        <translation>紧急：平台仍在审核凭证图片，而回复期限快到了。如果到期限时审核还没通过，平台会自动同意这个申请。如果等不及，请到抖店后台直接拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/adapter.py" line="55" />
        <source>TikTok Shop has no such return or cancellation request.</source>
        <translation>TikTok Shop 上没有这个退货或取消申请。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/adapter.py" line="56" />
        <source>TikTok Shop offers no reason to refuse the buyer's cancellation of this order, so it cannot be refused by shipping. Discard this and decide the cancellation in the refund queue.</source>
        <translation>TikTok Shop 没有提供拒绝买家取消该订单的理由，因此无法通过发货来拒绝。请放弃此操作，并在退款队列中处理该取消申请。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/adapter.py" line="61" />
        <source>TikTok Shop takes no such decision on this kind of request. Discard it and decide again.</source>
        <translation>TikTok Shop 不接受对这类申请做出这种处理。请放弃此操作并重新处理。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="127" />
        <source>TikTok Shop did not accept the authorization code. A code works once and only for a short time: authorise the app again in TikTok Shop Seller Center and enter the new code.</source>
        <translation>TikTok Shop 不接受该授权码。授权码只能使用一次，且很快失效：请在 TikTok Shop 卖家中心重新授权本应用，并输入新的授权码。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="132" />
        <source>This TikTok shop has no access yet: enter the authorization code the shop owner got when authorising the app (Settings → Change shop).</source>
        <translation>这家 TikTok 店铺还没有访问权限：请输入店主授权本应用时得到的授权码（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="137" />
        <source>TikTok Shop no longer accepts this shop's authorisation: it has expired or was revoked. The shop owner must authorise the app again and enter the new authorization code (Settings → Change shop). Nothing waiting to be sent is lost.</source>
        <translation>TikTok Shop 不再接受本店铺的授权：授权已过期或已被撤销。店主须重新授权本应用并输入新的授权码（设置 → 更换店铺）。待发送的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="143" />
        <source>TikTok Shop says this app may not use this part of its API: the app's authorisation lacks the permission. The app's developer must add it in TikTok Shop Partner Center and the shop owner authorise the app again. Nothing waiting to be sent is lost.</source>
        <translation>TikTok Shop 表示本应用无权使用这部分接口：应用的授权缺少该权限。应用开发者须在 TikTok Shop 合作伙伴中心添加该权限，店主再重新授权本应用。待发送的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="149" />
        <source>The authorisation does not reach this shop. The shop owner must authorise the app for the shop again (Settings → Change shop).</source>
        <translation>该授权不包含这家店铺。店主须为这家店铺重新授权本应用（设置 → 更换店铺）。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="154" />
        <source>TikTok Shop does not accept requests from this computer's internet address: it is not on the app's IP allow list. Whoever manages the app in TikTok Shop Partner Center must add this computer's public internet address to it. Nothing waiting to be sent is lost; the sync goes on by itself once the address is added.</source>
        <translation>TikTok Shop 不接受来自本机互联网地址的请求：该地址不在应用的 IP 允许列表中。在 TikTok Shop 合作伙伴中心管理本应用的人须把本机的公网地址加入该列表。待发送的内容不会丢失；地址加入后同步会自动继续。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="164" />
        <source>TikTok Shop does not take this reason for this request: it offers its own reasons for each request. Discard this and refuse again with one of the reasons offered.</source>
        <translation>TikTok Shop 不接受该申请使用这个理由：平台为每个申请提供各自的理由。请放弃此操作，并用平台提供的理由之一重新拒绝。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="169" />
        <source>TikTok Shop says this decision does not fit the kind of request. Discard it and decide again.</source>
        <translation>TikTok Shop 表示这个处理不适用于此类申请。请放弃此操作并重新处理。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="173" />
        <source>TikTok Shop did not accept the tracking number or the carrier. Check both and send the goods again.</source>
        <translation>TikTok Shop 不接受该运单号或物流商。请检查两者后重新发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="177" />
        <source>TikTok Shop says this tracking number is already used by another package.</source>
        <translation>TikTok Shop 表示该运单号已被另一个包裹使用。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="180" />
        <source>TikTok Shop says this package has already been shipped.</source>
        <translation>TikTok Shop 表示该包裹已经发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="181" />
        <source>A buyer's request on this order waits for the shop. Decide it in the refund queue first, then ship the order.</source>
        <translation>这个订单有一个买家申请正等待店铺处理。请先在退款队列中处理该申请，再发货。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/errors.py" line="186" />
        <source>The order has already been shipped, so TikTok Shop cannot cancel it any more.</source>
        <translation>订单已经发货，TikTok Shop 无法再取消它。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/lists.py" line="40" />
        <source>TikTok Shop lists refusal reasons for one request at a time, and no request waits for the shop now. The list is fetched again later.</source>
        <translation>TikTok Shop 按单个售后申请列出拒绝理由，而目前没有等待店铺处理的申请。稍后会再次获取该列表。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/lists.py" line="45" />
        <source>TikTok Shop named no shipping provider for this shop's delivery options yet. The list is fetched again later.</source>
        <translation>TikTok Shop 还没有为本店铺的配送方式列出任何物流商。稍后会再次获取该列表。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/shipping.py" line="37" />
        <source>TikTok Shop has no such order.</source>
        <translation>TikTok Shop 上没有这个订单。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/shipping.py" line="38" />
        <source>TikTok Shop has no package for this order yet, so it cannot be shipped or its label printed. It makes one once the order awaits shipment.</source>
        <translation>TikTok Shop 还没有为这个订单生成包裹，因此无法发货或打印面单。订单进入待发货后平台才会生成包裹。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/shipping.py" line="43" />
        <source>TikTok Shop gave no label for this order's package. It gives labels only for packages shipped with TikTok Shipping.</source>
        <translation>TikTok Shop 没有提供这个订单包裹的面单。平台只为使用 TikTok 物流（TikTok Shipping）发货的包裹提供面单。</translation>
    </message>
    <message>
        <location filename="../../app/platforms/tiktok/shipping.py" line="49" />
        <source>TikTok Shop gives this package's label once the order is shipped (handed to TikTok Shipping). Ship the order first, then print its label.</source>
        <translation>TikTok Shop 在订单发货（交给 TikTok 物流）后才提供这个包裹的面单。请先发货，再打印面单。</translation>
    </message>
    <message>
        <location filename="../../app/sync/child.py" line="46" />
        <source>AfterSales Desk {made_by} has set this shop's database up; this desk, version {ours}, is older and does not sync it. Install AfterSales Desk {made_by} or newer.</source>
        <translation>售后工作台 {made_by} 已建立这个店铺的数据库；本工作台是 {ours} 版，较旧，不会同步它。请安装售后工作台 {made_by} 或更新的版本。</translation>
    </message>
    <message>
        <location filename="../../app/sync/child.py" line="51" />
        <source>A newer AfterSales Desk has set this shop's database up; this desk, version {ours}, is older and does not sync it. Install the newest AfterSales Desk.</source>
        <translation>更新版本的售后工作台已建立这个店铺的数据库；本工作台是 {ours} 版，较旧，不会同步它。请安装最新版的售后工作台。</translation>
    </message>
</context>
<context>
    <name>updates</name>
    <message>
        <location filename="../../app/services/updates/agreement.py" line="23" />
        <source>Only the shop owner can agree to install an update.</source>
        <translation>只有店主可以同意安装更新。</translation>
    </message>
    <message>
        <location filename="../../app/services/updates/agreement.py" line="24" />
        <source>No update is waiting to be installed any more.</source>
        <translation>已没有等待安装的更新。</translation>
    </message>
    <message>
        <location filename="../../app/services/updates/check.py" line="34" />
        <source>The update address {url} could not be reached ({reason}). This version keeps working; the desk looks again at its next start.</source>
        <translation>无法连接更新地址 {url}（{reason}）。当前版本照常使用；工作台下次启动时会再检查。</translation>
    </message>
    <message>
        <location filename="../../app/services/updates/check.py" line="39" />
        <source>The update offered at {url} did not match its signed release information, so it was refused and nothing was installed. Tell whoever publishes the desk's updates.</source>
        <translation>{url} 提供的更新与其签名的发布信息不符，已拒绝，未安装任何内容。请告知发布工作台更新的人。</translation>
    </message>
    <message>
        <location filename="../../app/services/updates/check.py" line="44" />
        <source>The release information at {url} has expired, so it was not trusted and nothing was installed. Tell whoever publishes the desk's updates.</source>
        <translation>{url} 的发布信息已过期，因此不被信任，未安装任何内容。请告知发布工作台更新的人。</translation>
    </message>
    <message>
        <location filename="../../app/services/updates/check.py" line="49" />
        <source>This installation has no release key to check updates with ({file} is missing), so it does not look for updates. Install the desk again from its installer.</source>
        <translation>此安装没有用于核验更新的发布密钥（缺少 {file}），因此不检查更新。请用安装程序重新安装工作台。</translation>
    </message>
    <message>
        <location filename="../../app/services/updates/check.py" line="54" />
        <source>The update could not be saved in {folder} ({reason}). This version keeps working.</source>
        <translation>无法将更新保存到 {folder}（{reason}）。当前版本照常使用。</translation>
    </message>
    <message>
        <location filename="../../app/services/updates/check.py" line="57" />
        <source>The downloaded update {version} could not be unpacked, so it was set aside.</source>
        <translation>下载的更新 {version} 无法解压，已放弃。</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <location filename="../../app/core/vocabulary.py" line="152" />
        <source>Refund before shipment</source>
        <translation>未发货仅退款</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="153" />
        <source>Refund only (shipped)</source>
        <translation>已发货仅退款</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="154" />
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="155" />
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="156" />
        <source>Resend</source>
        <translation>补寄</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="157" />
        <source>Price protection</source>
        <translation>价保</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="158" />
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="159" />
        <source>Cancelled by the platform</source>
        <translation>系统取消</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="160" />
        <source>Cancelled by the buyer</source>
        <translation>用户取消</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="161" />
        <source>Cancelled by the shop</source>
        <translation>商家取消</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="165" />
        <source>Awaiting merchant</source>
        <translation>待商家处理</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="166" />
        <source>Awaiting buyer's return</source>
        <translation>待买家退货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="167" />
        <source>Returned, awaiting receipt</source>
        <translation>待商家收货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="168" />
        <source>Exchange in progress</source>
        <translation>换货中</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="169" />
        <source>Awaiting the shop's shipment</source>
        <translation>待商家发货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="170" />
        <location filename="../../app/core/vocabulary.py" line="191" />
        <source>In arbitration</source>
        <translation>平台仲裁中</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="171" />
        <source>Refunded</source>
        <translation>退款成功</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="172" />
        <source>Exchange done</source>
        <translation>换货成功</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="173" />
        <source>Refused by merchant</source>
        <translation>商家已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="174" />
        <source>Refused after return</source>
        <translation>退货后拒绝</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="175" />
        <source>Closed</source>
        <translation>售后关闭</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="176" />
        <source>Order cancelled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="181" />
        <source>No refund</source>
        <translation>无退款</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="182" />
        <source>Refund pending</source>
        <translation>待退款</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="183" />
        <source>Refund in progress</source>
        <translation>退款中</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="184" />
        <source>Refund paid</source>
        <translation>退款成功</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="185" />
        <source>Refund failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="186" />
        <source>Refund recovered by the platform</source>
        <translation>退款已被平台追回</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="190" />
        <source>No arbitration</source>
        <translation>无仲裁</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="192" />
        <source>Arbitration: awaiting the shop's evidence</source>
        <translation>仲裁：待商家举证</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="195" />
        <source>Arbitration: negotiation period</source>
        <translation>仲裁：协商期</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="196" />
        <source>Arbitration decided for the buyer</source>
        <translation>仲裁结果：支持买家</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="197" />
        <source>Arbitration decided for the shop</source>
        <translation>仲裁结果：支持商家</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="198" />
        <source>Arbitration ended</source>
        <translation>仲裁结束</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="199" />
        <source>Arbitration cancelled</source>
        <translation>仲裁已取消</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="203" />
        <source>Unpaid</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="204" />
        <source>On hold</source>
        <translation>暂缓发货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="205" />
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="206" />
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="207" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="208" />
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="177" />
        <location filename="../../app/core/vocabulary.py" line="209" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/core/vocabulary.py" line="210" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
</TS>
